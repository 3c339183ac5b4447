package dev.llmgateway.components.edge;

import com.pulumi.core.Output;
import com.pulumi.resources.ProviderResource;
import dev.llmgateway.components.support.LogRetention;

import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link EdgeDistribution}.
 *
 * @param originDomainName         ALB DNS name, or an origin name covered by the ALB's certificate; required
 * @param originProtocol           HTTPS_ONLY (default in callers) or HTTP_ONLY
 * @param originHeaderName         header carrying the origin secret; default {@code X-Origin-Verify}
 * @param originHeaderValue        the origin secret (kept secret); required
 * @param originReadTimeoutSeconds seconds CloudFront waits for each origin response chunk, 1..180 (above 60
 *                                 needs a CloudFront quota increase; streamed completions keep it alive per chunk)
 * @param usEast1Provider          AWS provider for us-east-1: CloudFront WAF ACLs and certificates must live there
 * @param waf                      CloudFront-scoped WAF
 * @param wafRateLimitPer5Minutes  WAF per-IP limit
 * @param logRetentionDays         WAF log retention
 * @param domainName               custom domain (with {@code hostedZoneId}): certificate, aliases and DNS records
 * @param hostedZoneId             Route 53 zone of {@code domainName}
 * @param priceClass               CloudFront price class; default PriceClass_100
 */
public record EdgeDistributionArgs(Output<String> originDomainName, OriginProtocol originProtocol, String originHeaderName,
                                   Output<String> originHeaderValue, int originReadTimeoutSeconds,
                                   ProviderResource usEast1Provider, boolean waf, int wafRateLimitPer5Minutes,
                                   int logRetentionDays, Optional<String> domainName, Optional<String> hostedZoneId,
                                   String priceClass) {

    /** Validates the values. */
    public EdgeDistributionArgs {
        Objects.requireNonNull(originDomainName, "EdgeDistributionArgs.originDomainName is required");
        Objects.requireNonNull(originHeaderValue, "EdgeDistributionArgs.originHeaderValue is required");
        Objects.requireNonNull(usEast1Provider, "EdgeDistributionArgs.usEast1Provider is required");
        if (originReadTimeoutSeconds < 1 || originReadTimeoutSeconds > 180) {
            throw new IllegalArgumentException("EdgeDistributionArgs.originReadTimeoutSeconds must be 1..180, got " + originReadTimeoutSeconds);
        }
        if (domainName.isPresent() != hostedZoneId.isPresent()) {
            throw new IllegalArgumentException("EdgeDistributionArgs: domainName and hostedZoneId go together");
        }
        if (!LogRetention.accepts(logRetentionDays)) {
            throw new IllegalArgumentException("EdgeDistributionArgs.logRetentionDays must be one of " + LogRetention.DAYS);
        }
    }
}
