package dev.llmgateway.gateway;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.inputs.GetManagedPrefixListArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResourceOptions;
import dev.llmgateway.components.bindings.random.RandomPassword;
import dev.llmgateway.components.bindings.random.RandomPasswordArgs;
import dev.llmgateway.components.edge.EdgeDistribution;
import dev.llmgateway.components.edge.EdgeDistributionArgs;
import dev.llmgateway.components.edge.OriginProtocol;
import dev.llmgateway.components.kms.EncryptionKey;
import dev.llmgateway.components.kms.EncryptionKeyArgs;
import dev.llmgateway.components.proxy.ProxyService;
import dev.llmgateway.components.proxy.ProxyServiceArgs;
import dev.llmgateway.gateway.settings.EdgeSettings;
import dev.llmgateway.gateway.settings.StackSettings;

import java.util.Optional;

/**
 * The {@code edge} access mode: CloudFront with its own WAF in front, and a load balancer that
 * admits only CloudFront's origin-facing addresses and only requests carrying a generated secret
 * header (everything else gets 403).
 *
 * @param originHeader  the header CloudFront adds and the load balancer requires
 * @param prefixListId  CloudFront's origin-facing prefix list, the only listener ingress
 */
record EdgeAccess(ProxyServiceArgs.RequiredHeader originHeader, Output<String> prefixListId) {

    /** Header that carries the origin secret. */
    static final String HEADER = "X-Origin-Verify";
    /** The region of CloudFront's certificates and WAF. */
    static final String US_EAST_1 = "us-east-1";

    /** Generates the origin secret and looks up CloudFront's prefix list. */
    static EdgeAccess prepare(String prefix, InvokeOptions invoke) {
        Output<String> secret = new RandomPassword(prefix + "-origin-verify",
                RandomPasswordArgs.builder().length(40).special(false).build(), null).result();
        Output<String> prefixList = Ec2Functions.getManagedPrefixList(GetManagedPrefixListArgs.builder()
                .name(EdgeDistribution.ORIGIN_FACING_PREFIX_LIST).build(), invoke).applyValue(list -> list.id());
        return new EdgeAccess(new ProxyServiceArgs.RequiredHeader(HEADER, secret), prefixList);
    }

    /**
     * The distribution in front of {@code proxy}; certificates and WAF go to us-east-1 through a second provider. The
     * WAF's log group there is encrypted with the stack key when the stack lives in us-east-1, else with a key of its
     * own in us-east-1 (a KMS key serves log groups of its own region only).
     */
    EdgeDistribution distribution(String prefix, StackSettings s, EdgeSettings edge, ProxyService proxy,
                                  EncryptionKey stackKey, Output<String> account, Output<String> partition,
                                  ComponentResourceOptions options) {
        var usEast1 = new Provider(prefix + "-us-east-1", ProviderArgs.builder()
                .region(US_EAST_1)
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(s.tags().tags()).build())
                .build());
        Optional<Output<String>> wafLogKey = !edge.waf() ? Optional.empty()
                : s.region().equals(US_EAST_1) ? Optional.of(stackKey.arn())
                : Optional.of(new EncryptionKey(prefix + "-edge-logs", EncryptionKeyArgs.builder()
                        .accountId(account).partition(partition).region(US_EAST_1)
                        .description("LiteLLM gateway " + s.stack() + ": CloudFront WAF logs")
                        .build(), ComponentResourceOptions.builder().providers(usEast1).build()).arn());
        if (edge.originDomain().isEmpty() && s.access().certificateArn().isPresent()) {
            // Guard (settings refuse this): plain HTTP to an HTTPS load balancer hits the redirect listener.
            throw new IllegalArgumentException("edge origin over HTTP would reach the load balancer's redirect listener");
        }
        return new EdgeDistribution(prefix + "-edge", EdgeDistributionArgs.builder()
                .originDomainName(edge.originDomain().map(Output::of).orElse(proxy.loadBalancerDnsName()))
                .originProtocol(edge.originDomain().isPresent() ? OriginProtocol.HTTPS_ONLY : OriginProtocol.HTTP_ONLY)
                .originHeaderName(HEADER).originHeaderValue(originHeader.value())
                .originReadTimeoutSeconds(edge.originReadTimeoutSeconds())
                .usEast1Provider(usEast1)
                .waf(edge.waf()).wafRateLimitPer5Minutes(s.access().wafRateLimit()).wafLogKmsKeyArn(wafLogKey)
                .logRetentionDays(s.observability().logRetentionDays())
                .domainName(edge.domainName()).hostedZoneId(edge.hostedZoneId())
                .priceClass(edge.priceClass())
                .build(), options);
    }
}
