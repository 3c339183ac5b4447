package dev.llmgateway.components.waf;

import com.pulumi.core.Output;
import dev.llmgateway.components.support.LogRetention;

/**
 * Inputs of {@link WebFirewall}.
 *
 * @param scope                {@code REGIONAL} (load balancers) or {@code CLOUDFRONT} (must be created in us-east-1)
 * @param rateLimitPer5Minutes requests per client IP per 5 minutes before blocking; default 2000
 * @param logRetentionDays     retention of the WAF log group; default 30
 * @param kmsKeyArn            customer key for the log group, or null for AWS-managed encryption (a CLOUDFRONT
 *                             firewall's log group lives in us-east-1, where a regional stack key cannot serve)
 */
public record WebFirewallArgs(String scope, int rateLimitPer5Minutes, int logRetentionDays, Output<String> kmsKeyArn) {

    /** Validates the values. */
    public WebFirewallArgs {
        if (!scope.equals("REGIONAL") && !scope.equals("CLOUDFRONT")) {
            throw new IllegalArgumentException("WebFirewallArgs.scope must be REGIONAL or CLOUDFRONT, got " + scope);
        }
        if (rateLimitPer5Minutes < 10) {
            throw new IllegalArgumentException("WebFirewallArgs.rateLimitPer5Minutes must be at least 10 (WAF minimum), got " + rateLimitPer5Minutes);
        }
        if (!LogRetention.accepts(logRetentionDays)) {
            throw new IllegalArgumentException("WebFirewallArgs.logRetentionDays must be one of " + LogRetention.DAYS);
        }
    }

    /** A regional firewall (for a load balancer) logging with the stack's key. */
    public static WebFirewallArgs regional(int rateLimitPer5Minutes, int logRetentionDays, Output<String> kmsKeyArn) {
        return new WebFirewallArgs("REGIONAL", rateLimitPer5Minutes, logRetentionDays, kmsKeyArn);
    }
}
