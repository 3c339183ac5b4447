package dev.llmgateway.components.edge;

import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudfront.DistributionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOrderedCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomHeaderArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomOriginConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsGeoRestrictionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionViewerCertificateArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmgateway.components.dns.ValidatedCertificate;
import dev.llmgateway.components.waf.WebFirewall;
import dev.llmgateway.components.waf.WebFirewallArgs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CloudFront in front of an API load balancer: nothing cached (every LiteLLM route is dynamic and
 * authenticated), every method and the Authorization header, body and query forwarded, a secret
 * origin header the load balancer checks, HTTP/2 and HTTP/3, a CloudFront-scoped WAF, and an
 * optional custom domain with a DNS-validated certificate. Standard and real-time logging are off.
 */
public class EdgeDistribution extends ComponentResource {

    /** Type token. */
    public static final String TYPE = "llmgateway:edge:EdgeDistribution";
    /** AWS-managed prefix list of CloudFront's origin-facing addresses, for the load balancer's ingress. */
    public static final String ORIGIN_FACING_PREFIX_LIST = "com.amazonaws.global.cloudfront.origin-facing";
    /** AWS managed cache policy "CachingDisabled". */
    static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    /** AWS managed origin request policy "AllViewerExceptHostHeader": with caching disabled it forwards Authorization. */
    static final String ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
    /** LiteLLM's route families, each its own no-cache behaviour so they can diverge later. */
    static final List<String> API_PATHS = List.of("/v1/*", "/chat/*", "/health*", "/ui/*");
    private static final String ORIGIN_ID = "gateway-alb";
    private static final List<String> ALL_METHODS = List.of("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE");

    private final Distribution distribution;
    private final Optional<Output<String>> webAclArn;
    private final Optional<String> domainName;

    /** Creates the distribution and, as configured, its WAF, certificate and DNS records. */
    public EdgeDistribution(String name, EdgeDistributionArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, null, opts);
        this.domainName = args.domainName();
        var child = CustomResourceOptions.builder().parent(this).build();

        this.webAclArn = args.waf()
                ? Optional.of(new WebFirewall(name + "-waf", WebFirewallArgs.builder().scope("CLOUDFRONT")
                        .rateLimitPer5Minutes(args.wafRateLimitPer5Minutes()).logRetentionDays(args.logRetentionDays())
                        .kmsKeyArn(args.wafLogKmsKeyArn().orElse(null)).build(),
                        ComponentResourceOptions.builder().parent(this).providers(args.usEast1Provider()).build()).arn())
                : Optional.empty();

        var viewer = DistributionViewerCertificateArgs.builder();
        if (args.domainName().isPresent()) {
            // CloudFront only takes certificates from us-east-1.
            var certificate = new ValidatedCertificate(name + "-cert", args.domainName().get(), args.hostedZoneId().orElseThrow(),
                    ComponentResourceOptions.builder().parent(this).providers(args.usEast1Provider()).build());
            viewer.acmCertificateArn(certificate.arn()).sslSupportMethod("sni-only").minimumProtocolVersion("TLSv1.2_2021");
        } else {
            // The default *.cloudfront.net certificate allows no minimum protocol setting.
            viewer.cloudfrontDefaultCertificate(true);
        }

        List<DistributionOrderedCacheBehaviorArgs> behaviours = new ArrayList<>();
        for (String path : API_PATHS) {
            behaviours.add(DistributionOrderedCacheBehaviorArgs.builder()
                    .pathPattern(path).targetOriginId(ORIGIN_ID)
                    .allowedMethods(ALL_METHODS).cachedMethods("GET", "HEAD")
                    .viewerProtocolPolicy("redirect-to-https")
                    .compress(false)
                    .cachePolicyId(CACHING_DISABLED).originRequestPolicyId(ALL_VIEWER_EXCEPT_HOST)
                    .build());
        }
        var distributionArgs = DistributionArgs.builder()
                .enabled(true)
                .comment("LLM gateway " + name)
                .isIpv6Enabled(true)
                .httpVersion("http2and3")
                .priceClass(args.priceClass())
                .origins(DistributionOriginArgs.builder()
                        .originId(ORIGIN_ID)
                        .domainName(args.originDomainName())
                        .customOriginConfig(DistributionOriginCustomOriginConfigArgs.builder()
                                .originProtocolPolicy(args.originProtocol().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                                .originSslProtocols("TLSv1.2")
                                .httpPort(80).httpsPort(443)
                                .originReadTimeout(args.originReadTimeoutSeconds())
                                .originKeepaliveTimeout(60)
                                .build())
                        .customHeaders(DistributionOriginCustomHeaderArgs.builder()
                                .name(args.originHeaderName()).value(args.originHeaderValue().asSecret()).build())
                        .build())
                // Streamed (server-sent event) completions must not be buffered for compression.
                .defaultCacheBehavior(DistributionDefaultCacheBehaviorArgs.builder()
                        .targetOriginId(ORIGIN_ID)
                        .allowedMethods(ALL_METHODS).cachedMethods("GET", "HEAD")
                        .viewerProtocolPolicy("redirect-to-https")
                        .compress(false)
                        .cachePolicyId(CACHING_DISABLED).originRequestPolicyId(ALL_VIEWER_EXCEPT_HOST)
                        .build())
                .orderedCacheBehaviors(behaviours)
                .restrictions(DistributionRestrictionsArgs.builder()
                        .geoRestriction(DistributionRestrictionsGeoRestrictionArgs.builder().restrictionType("none").build())
                        .build())
                .viewerCertificate(viewer.build());
        args.domainName().ifPresent(domain -> distributionArgs.aliases(domain));
        webAclArn.ifPresent(distributionArgs::webAclId);
        this.distribution = new Distribution(name, distributionArgs.build(), child);

        args.domainName().ifPresent(domain -> ValidatedCertificate.alias(name, domain, args.hostedZoneId().orElseThrow(),
                distribution.domainName(), distribution.hostedZoneId(), List.of("A", "AAAA"), child));
        registerOutputs(Map.of("domainName", distribution.domainName(), "url", url()));
    }

    /** The CloudFront domain name. */
    public Output<String> domainName() {
        return distribution.domainName();
    }

    /** The host names browsers reach the distribution under: its CloudFront domain and, when set, the custom domain. */
    public List<Output<String>> hostNames() {
        return Stream.concat(Stream.of(distribution.domainName()), domainName.map(Output::of).stream()).toList();
    }

    /** The distribution id. */
    public Output<String> distributionId() {
        return distribution.id();
    }

    /** The public URL: the custom domain, or the CloudFront domain. */
    public Output<String> url() {
        return domainName.map(domain -> Output.of("https://" + domain))
                .orElseGet(() -> distribution.domainName().applyValue(d -> "https://" + d));
    }

    /** The WAF web ACL, when on. */
    public Optional<Output<String>> webAclArn() {
        return webAclArn;
    }
}
