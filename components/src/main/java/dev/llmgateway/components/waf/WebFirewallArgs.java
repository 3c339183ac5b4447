package dev.llmgateway.components.waf;

import com.pulumi.core.Output;
import dev.llmgateway.components.support.ComponentArgs;
import dev.llmgateway.components.support.LogRetention;
import dev.llmgateway.components.support.Reject;
import io.soabase.recordbuilder.core.RecordBuilder.Initializer;

/**
 * Inputs of {@link WebFirewall}; build with {@link #builder()}.
 *
 * @param scope                {@code REGIONAL} (load balancers) or {@code CLOUDFRONT} (must be created in us-east-1);
 *                             default {@value #DEFAULT_SCOPE}
 * @param rateLimitPer5Minutes requests per client IP per 5 minutes before blocking, at least 10; default
 *                             {@value #DEFAULT_RATE_LIMIT_PER_5_MINUTES}
 * @param logRetentionDays     retention of the WAF log group, a CloudWatch Logs retention value; default
 *                             {@value #DEFAULT_LOG_RETENTION_DAYS}
 * @param kmsKeyArn            customer key for the log group, or null for AWS-managed encryption (a CLOUDFRONT
 *                             firewall's log group lives in us-east-1, where a regional stack key cannot serve)
 */
@ComponentArgs
public record WebFirewallArgs(@Initializer("DEFAULT_SCOPE") String scope,
                              @Initializer("DEFAULT_RATE_LIMIT_PER_5_MINUTES") int rateLimitPer5Minutes,
                              @Initializer("DEFAULT_LOG_RETENTION_DAYS") int logRetentionDays,
                              Output<String> kmsKeyArn) {

    /** Default scope: a firewall for a load balancer in the stack's region. */
    public static final String DEFAULT_SCOPE = "REGIONAL";
    /** Default per-IP limit: about 6.7 requests a second from one client, sustained over 5 minutes. */
    public static final int DEFAULT_RATE_LIMIT_PER_5_MINUTES = 2000;
    /** Default log retention in days: a month of requests to investigate. */
    public static final int DEFAULT_LOG_RETENTION_DAYS = 30;

    /** Validates the inputs. */
    public WebFirewallArgs {
        Reject.when(!"REGIONAL".equals(scope) && !"CLOUDFRONT".equals(scope),
                "WebFirewallArgs.scope must be REGIONAL or CLOUDFRONT, got " + scope);
        Reject.when(rateLimitPer5Minutes < 10,
                "WebFirewallArgs.rateLimitPer5Minutes must be at least 10 (WAF minimum), got " + rateLimitPer5Minutes);
        Reject.when(!LogRetention.accepts(logRetentionDays),
                "WebFirewallArgs.logRetentionDays must be one of " + LogRetention.DAYS);
    }

    /** Starts a builder with the defaults. */
    public static WebFirewallArgsBuilder builder() {
        return WebFirewallArgsBuilder.builder();
    }
}
