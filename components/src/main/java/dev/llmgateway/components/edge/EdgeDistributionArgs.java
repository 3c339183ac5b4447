package dev.llmgateway.components.edge;

import com.pulumi.core.Output;
import com.pulumi.resources.ProviderResource;
import dev.llmgateway.components.support.ComponentArgs;
import dev.llmgateway.components.support.LogRetention;
import dev.llmgateway.components.support.Reject;
import dev.llmgateway.components.waf.WebFirewallArgs;
import io.soabase.recordbuilder.core.RecordBuilder.Initializer;

import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link EdgeDistribution}; build with {@link #builder()}.
 *
 * @param originDomainName         ALB DNS name, or an origin name covered by the ALB's certificate; required
 * @param originProtocol           how CloudFront reaches the origin; default {@link #DEFAULT_ORIGIN_PROTOCOL}
 * @param originHeaderName         header carrying the origin secret; default {@value #DEFAULT_ORIGIN_HEADER_NAME}
 * @param originHeaderValue        the origin secret (kept secret); required
 * @param originReadTimeoutSeconds seconds CloudFront waits for each origin response chunk, 1..180 (above 60
 *                                 needs a CloudFront quota increase; streamed completions keep it alive per chunk);
 *                                 required
 * @param usEast1Provider          AWS provider for us-east-1: CloudFront WAF ACLs and certificates must live there;
 *                                 required
 * @param waf                      whether a CloudFront-scoped WAF guards the distribution; default false
 * @param wafRateLimitPer5Minutes  WAF per-IP limit; default {@value #DEFAULT_WAF_RATE_LIMIT_PER_5_MINUTES}
 * @param logRetentionDays         WAF log retention, a CloudWatch Logs retention value; default
 *                                 {@value #DEFAULT_LOG_RETENTION_DAYS}
 * @param wafLogKmsKeyArn          customer key in us-east-1 (where a CloudFront-scoped WAF logs) for the WAF's log group;
 *                                 default none: CloudWatch Logs' own encryption
 * @param domainName               custom domain (with {@code hostedZoneId}): certificate, aliases and DNS records
 * @param hostedZoneId             Route 53 zone of {@code domainName}
 * @param priceClass               CloudFront price class; default {@value #DEFAULT_PRICE_CLASS}
 */
@ComponentArgs
public record EdgeDistributionArgs(Output<String> originDomainName,
                                   @Initializer("DEFAULT_ORIGIN_PROTOCOL") OriginProtocol originProtocol,
                                   @Initializer("DEFAULT_ORIGIN_HEADER_NAME") String originHeaderName,
                                   Output<String> originHeaderValue,
                                   int originReadTimeoutSeconds,
                                   ProviderResource usEast1Provider,
                                   boolean waf,
                                   @Initializer("DEFAULT_WAF_RATE_LIMIT_PER_5_MINUTES") int wafRateLimitPer5Minutes,
                                   @Initializer("DEFAULT_LOG_RETENTION_DAYS") int logRetentionDays,
                                   Optional<Output<String>> wafLogKmsKeyArn,
                                   Optional<String> domainName,
                                   Optional<String> hostedZoneId,
                                   @Initializer("DEFAULT_PRICE_CLASS") String priceClass) {

    /** Default origin protocol: HTTPS; plain HTTP is for origins without a certificate and chosen explicitly. */
    public static final OriginProtocol DEFAULT_ORIGIN_PROTOCOL = OriginProtocol.HTTPS_ONLY;
    /** Default origin secret header: a name that says what it is for. */
    public static final String DEFAULT_ORIGIN_HEADER_NAME = "X-Origin-Verify";
    /** Default WAF per-IP limit: the firewall's own default. */
    public static final int DEFAULT_WAF_RATE_LIMIT_PER_5_MINUTES = WebFirewallArgs.DEFAULT_RATE_LIMIT_PER_5_MINUTES;
    /** Default WAF log retention: the firewall's own default. */
    public static final int DEFAULT_LOG_RETENTION_DAYS = WebFirewallArgs.DEFAULT_LOG_RETENTION_DAYS;
    /** Default price class: the cheapest, served from the fewest edge locations. */
    public static final String DEFAULT_PRICE_CLASS = "PriceClass_100";

    /** Longest origin read timeout CloudFront allows (above 60 with a quota increase): CloudFront developer guide, "Response timeout". */
    public static final int MAX_ORIGIN_READ_TIMEOUT_SECONDS = 180;

    /** Validates the inputs. */
    public EdgeDistributionArgs {
        Objects.requireNonNull(originDomainName, "EdgeDistributionArgs.originDomainName is required");
        Objects.requireNonNull(originProtocol, "EdgeDistributionArgs.originProtocol is required");
        Objects.requireNonNull(originHeaderName, "EdgeDistributionArgs.originHeaderName is required");
        Objects.requireNonNull(originHeaderValue, "EdgeDistributionArgs.originHeaderValue is required");
        Objects.requireNonNull(usEast1Provider, "EdgeDistributionArgs.usEast1Provider is required");
        Reject.when(originReadTimeoutSeconds < 1 || originReadTimeoutSeconds > MAX_ORIGIN_READ_TIMEOUT_SECONDS,
                "EdgeDistributionArgs.originReadTimeoutSeconds must be 1.." + MAX_ORIGIN_READ_TIMEOUT_SECONDS + ", got "
                        + originReadTimeoutSeconds);
        Reject.when(domainName.isPresent() != hostedZoneId.isPresent(),
                "EdgeDistributionArgs: domainName and hostedZoneId go together");
        Reject.when(!LogRetention.accepts(logRetentionDays),
                "EdgeDistributionArgs.logRetentionDays must be one of " + LogRetention.DAYS);
        Objects.requireNonNull(priceClass, "EdgeDistributionArgs.priceClass is required");
    }

    /** Starts a builder with the defaults. */
    public static EdgeDistributionArgsBuilder builder() {
        return EdgeDistributionArgsBuilder.builder();
    }
}
