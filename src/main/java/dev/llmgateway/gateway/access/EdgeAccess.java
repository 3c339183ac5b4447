package dev.llmgateway.gateway.access;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.inputs.GetManagedPrefixListArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.llmgateway.components.bindings.random.RandomPassword;
import dev.llmgateway.components.bindings.random.RandomPasswordArgs;
import dev.llmgateway.components.edge.EdgeDistribution;
import dev.llmgateway.components.edge.EdgeDistributionArgs;
import dev.llmgateway.components.edge.OriginProtocol;
import dev.llmgateway.components.kms.EncryptionKey;
import dev.llmgateway.components.kms.EncryptionKeyArgs;
import dev.llmgateway.components.naming.Partition;
import dev.llmgateway.components.network.Cidr;
import dev.llmgateway.components.regions.ServiceRegions;
import dev.llmgateway.components.network.Peer;
import dev.llmgateway.components.proxy.ProxyService;
import dev.llmgateway.components.proxy.ProxyServiceArgs.RequiredHeader;
import dev.llmgateway.gateway.litellm.LiteLlmSettings;
import dev.llmgateway.gateway.settings.AccessSettings;
import dev.llmgateway.gateway.settings.ProxySettings;
import dev.llmgateway.gateway.settings.SettingsReader;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code accessMode: edge}: CloudFront with its own WAF in front, and a load balancer that admits only CloudFront's
 * origin-facing addresses and only requests carrying a generated secret header (everything else gets 403).
 *
 * @param edge the distribution's settings
 */
public record EdgeAccess(EdgeSettings edge) implements Access {

    /** Header that carries the origin secret. */
    static final String HEADER = "X-Origin-Verify";
    /** The region of CloudFront's certificates and WAF. */
    static final String US_EAST_1 = ServiceRegions.CLOUDFRONT_WAF_REGION;

    /**
     * Reads the distribution's settings; only CloudFront reaches the load balancer, so no allow-list. CloudFront and its
     * web ACLs exist only in the {@code aws} partition ({@link ServiceRegions}).
     */
    static EdgeAccess read(SettingsReader r, List<Cidr> allowed, boolean https, Optional<String> albDomain, boolean plainHttp,
                           String region) {
        if (!Partition.of(region).equals(ServiceRegions.CLOUDFRONT_PARTITION)) {
            throw r.invalid("accessMode", "edge", "public, vpn or private in " + region + ": edge mode needs CloudFront and a"
                    + " CLOUDFRONT-scope web ACL, which exist only in the aws partition (not " + Partition.of(region) + ")");
        }
        if (!allowed.isEmpty()) {
            throw r.invalid("allowedCidrs", allowed, "empty in edge mode: only CloudFront reaches the load balancer");
        }
        return new EdgeAccess(EdgeSettings.read(r, https, albDomain, plainHttp));
    }

    @Override
    public AccessMode kind() {
        return AccessMode.EDGE;
    }

    @Override
    public Optional<LoadBalancerPlacement> loadBalancer() {
        return Optional.of(LoadBalancerPlacement.INTERNET_FACING);
    }

    /** The distribution's custom domain: without one, its name exists only after the distribution does. */
    @Override
    public Optional<String> knownUrl(AccessSettings settings) {
        return edge.domainName().map(domain -> "https://" + domain);
    }

    /** Behind CloudFront a non-streamed answer must arrive within the origin read timeout. */
    @Override
    public OptionalInt requestTimeoutCeilingSeconds() {
        return OptionalInt.of(edge.originReadTimeoutSeconds());
    }

    /**
     * CloudFront waits {@code edgeOriginReadTimeoutSeconds} for the origin (default 30, at most 60 without, 180 with a
     * quota increase: CloudFront developer guide, "Response timeout"); a longer request would be answered 504 while
     * the model call goes on and is billed.
     */
    @Override
    public void check(SettingsReader r, AccessSettings settings, ProxySettings proxy, LiteLlmSettings litellm) {
        int request = litellm.requestTimeoutSeconds();
        if (edge.originReadTimeoutSeconds() < request) {
            throw r.invalid("requestTimeoutSeconds", request, "at most litellm-gateway:edgeOriginReadTimeoutSeconds ("
                    + edge.originReadTimeoutSeconds() + ") in edge mode: CloudFront answers 504 when the origin sends nothing for"
                    + " that long; raise edgeOriginReadTimeoutSeconds (above 60 needs a CloudFront quota increase, at most 180)");
        }
    }

    /** Generates the origin secret and looks up CloudFront's prefix list. */
    @Override
    public Entrance open(AccessContext context) {
        Output<String> secret = new RandomPassword(context.prefix() + "-origin-verify",
                RandomPasswordArgs.builder().length(40).special(false).build(), context.child()).result();
        Output<String> prefixList = Ec2Functions.getManagedPrefixList(GetManagedPrefixListArgs.builder()
                .name(EdgeDistribution.ORIGIN_FACING_PREFIX_LIST).build(), context.invoke()).applyValue(list -> list.id());
        RequiredHeader header = new RequiredHeader(HEADER, secret);
        return new LoadBalancerEntrance(context) {
            private EdgeDistribution distribution;
            private Output<String> loadBalancerUrl;

            @Override
            public Optional<RequiredHeader> requiredHeader() {
                return Optional.of(header);
            }

            /** Kept for operators (e.g. to test the origin directly); the tasks never read it. */
            @Override
            public Map<String, VaultEntry> secrets() {
                return Map.of("origin-verify", new VaultEntry(secret, "Secret header CloudFront sends to the load balancer"));
            }

            /**
             * CloudFront's origin-facing list weighs 55 of the 60 rules a group may have (VPC user guide, "AWS-managed
             * prefix lists"), so it is admitted on the serving port only.
             */
            @Override
            public Output<String> serve(ProxyService proxy) {
                var balancer = proxy.loadBalancer();
                balancer.connections().allowFrom(Peer.prefixList("CloudFront", "cloudfront", prefixList),
                        balancer.servingPort(), "CloudFront forwards to its origin");
                this.loadBalancerUrl = loadBalancerUrl(proxy);
                this.distribution = distribution(context(), proxy, secret);
                return distribution.url();
            }

            @Override
            public List<Output<String>> browserHostNames() {
                return distribution.hostNames();
            }

            /** The acceptance test checks that the load balancer refuses requests that bypass CloudFront. */
            @Override
            public void export(Context ctx) {
                ctx.export("loadBalancerUrl", loadBalancerUrl);
                ctx.export("cloudFrontDistributionId", distribution.distributionId());
            }
        };
    }

    /**
     * The distribution in front of {@code proxy}; certificates and WAF go to us-east-1 through a second provider. The
     * WAF's log group there is encrypted with the stack key when the stack lives in us-east-1, else with a key of its
     * own in us-east-1 (a KMS key serves log groups of its own region only).
     */
    private EdgeDistribution distribution(AccessContext context, ProxyService proxy, Output<String> secret) {
        AccessSettings settings = context.settings();
        var usEast1 = new Provider(context.prefix() + "-us-east-1", ProviderArgs.builder()
                .region(US_EAST_1)
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(context.tags()).build())
                .build(), context.child());
        Optional<Output<String>> wafLogKey = !edge.waf() ? Optional.empty()
                : context.region().equals(US_EAST_1) ? Optional.of(context.key().arn())
                : Optional.of(new EncryptionKey(context.prefix() + "-edge-logs", EncryptionKeyArgs.builder()
                        .accountId(context.account()).partition(Optional.of(context.partition())).region(US_EAST_1)
                        .description("LiteLLM gateway " + context.stack() + ": CloudFront WAF logs")
                        .build(), ComponentResourceOptions.builder().parent(context.parent()).providers(usEast1).build()).arn());
        return new EdgeDistribution(context.prefix() + "-edge", EdgeDistributionArgs.builder()
                .originDomainName(edge.originDomain().map(Output::of).orElse(proxy.loadBalancerDnsName()))
                .originProtocol(edge.originDomain().isPresent() ? OriginProtocol.HTTPS_ONLY : OriginProtocol.HTTP_ONLY)
                .originHeaderName(HEADER).originHeaderValue(secret)
                .originReadTimeoutSeconds(edge.originReadTimeoutSeconds())
                .usEast1Provider(usEast1)
                .waf(edge.waf()).wafRateLimitPer5Minutes(settings.wafRateLimit()).wafLogKmsKeyArn(wafLogKey)
                .logRetentionDays(context.logRetentionDays())
                .domainName(edge.domainName()).hostedZoneId(edge.hostedZoneId())
                .priceClass(edge.priceClass())
                .build(), context.options());
    }
}
