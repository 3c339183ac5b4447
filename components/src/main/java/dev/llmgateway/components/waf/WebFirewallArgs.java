package dev.llmgateway.components.waf;

import com.pulumi.core.Output;
import dev.llmgateway.components.support.ComponentArgs;
import dev.llmgateway.components.support.LogRetention;
import dev.llmgateway.components.support.Reject;
import io.soabase.recordbuilder.core.RecordBuilder.Initializer;

import java.util.List;
import java.util.Locale;

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
 * @param redactedHeaders      request headers replaced by {@code REDACTED} in the logs and in sampled requests, with
 *                             the query string; default {@link #CREDENTIAL_HEADERS}; a caller adds its own secret
 *                             headers (a CDN's origin header) to these
 */
@ComponentArgs
public record WebFirewallArgs(@Initializer("DEFAULT_SCOPE") String scope,
                              @Initializer("DEFAULT_RATE_LIMIT_PER_5_MINUTES") int rateLimitPer5Minutes,
                              @Initializer("DEFAULT_LOG_RETENTION_DAYS") int logRetentionDays,
                              Output<String> kmsKeyArn,
                              @Initializer("CREDENTIAL_HEADERS") List<String> redactedHeaders) {

    /** Default scope: a firewall for a load balancer in the stack's region. */
    public static final String DEFAULT_SCOPE = "REGIONAL";
    /** Default per-IP limit: about 6.7 requests a second from one client, sustained over 5 minutes. */
    public static final int DEFAULT_RATE_LIMIT_PER_5_MINUTES = 2000;
    /** Default log retention in days: a month of requests to investigate. */
    public static final int DEFAULT_LOG_RETENTION_DAYS = 30;
    /**
     * Headers that carry a credential or a session, lower case: every header LiteLLM takes a key from
     * ({@code SpecialHeaders} in {@code litellm/proxy/_types.py}: {@code Authorization}, Azure's {@code API-Key}
     * and {@code Ocp-Apim-Subscription-Key}, Anthropic's {@code x-api-key}, Google's {@code x-goog-api-key},
     * {@code x-litellm-api-key}, and {@code x-mcp-auth}, which MCP clients send on to MCP servers) and the admin UI's
     * {@code cookie}. AWS WAF logs every header with its value unless told otherwise (AWS WAF developer guide,
     * "Log fields for web ACL traffic").
     */
    public static final List<String> CREDENTIAL_HEADERS = List.of("authorization", "api-key", "x-api-key",
            "x-goog-api-key", "ocp-apim-subscription-key", "x-litellm-api-key", "x-mcp-auth", "cookie");
    /**
     * At most this many header names: a data protection takes up to 100 field keys (AWS WAF API reference,
     * FieldToProtect), a logging configuration up to 100 redacted fields, one of which is the query string.
     */
    static final int MAX_REDACTED_HEADERS = 99;

    /** Validates the inputs. */
    public WebFirewallArgs {
        Reject.when(!"REGIONAL".equals(scope) && !"CLOUDFRONT".equals(scope),
                "WebFirewallArgs.scope must be REGIONAL or CLOUDFRONT, got " + scope);
        Reject.when(rateLimitPer5Minutes < 10,
                "WebFirewallArgs.rateLimitPer5Minutes must be at least 10 (WAF minimum), got " + rateLimitPer5Minutes);
        Reject.when(!LogRetention.accepts(logRetentionDays),
                "WebFirewallArgs.logRetentionDays must be one of " + LogRetention.DAYS);
        redactedHeaders = redactedHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT)).distinct().toList();
        Reject.when(!redactedHeaders.containsAll(CREDENTIAL_HEADERS),
                "WebFirewallArgs.redactedHeaders must keep every credential header " + CREDENTIAL_HEADERS + ", got " + redactedHeaders);
        Reject.when(redactedHeaders.size() > MAX_REDACTED_HEADERS,
                "WebFirewallArgs.redactedHeaders: at most " + MAX_REDACTED_HEADERS + " headers, got " + redactedHeaders.size());
    }

    /** Starts a builder with the defaults. */
    public static WebFirewallArgsBuilder builder() {
        return WebFirewallArgsBuilder.builder();
    }
}
