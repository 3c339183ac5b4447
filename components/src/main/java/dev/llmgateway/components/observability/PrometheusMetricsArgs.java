package dev.llmgateway.components.observability;

import dev.llmgateway.components.network.Connectable;
import dev.llmgateway.components.support.ComponentArgs;
import dev.llmgateway.components.support.LogRetention;

import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.core.Output;
import dev.llmgateway.components.support.Reject;
import io.soabase.recordbuilder.core.RecordBuilder.Initializer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Inputs of {@link PrometheusMetrics}: where the Fargate service runs, who may reach Grafana, what VictoriaMetrics
 * scrapes, and the secret holding Grafana's admin password; build with {@link #builder()}.
 *
 * @param clusterArn                    ARN of the ECS cluster the service runs on; required
 * @param vpcId                         VPC of the service's security group; required
 * @param subnetIds                     private subnets of the task, which gets no public IP; required
 * @param subnetCount                   how many subnets {@code subnetIds} holds: one EFS mount target each; required,
 *                                      1 to 6
 * @param loadBalancer                  the load balancer, the only source allowed to reach Grafana; both its egress and
 *                                      Grafana's ingress are added; required
 * @param listenerArn                   load balancer listener that forwards {@code grafanaPathPrefix} to Grafana;
 *                                      required
 * @param listenerRulePriority          priority of that listener rule, unique on the listener, 1 to 50000; default
 *                                      {@value #DEFAULT_LISTENER_RULE_PRIORITY}
 * @param grafanaPathPrefix             path prefix Grafana is served under (no trailing slash); default
 *                                      {@value #DEFAULT_GRAFANA_PATH_PREFIX}
 * @param scrapeHost                    host name VictoriaMetrics scrapes (e.g. the proxy's internal DNS name); required
 * @param scrapePort                    port VictoriaMetrics scrapes, 1 to 65535; default {@value #DEFAULT_SCRAPE_PORT}
 * @param scrapePath                    path VictoriaMetrics scrapes, starting with {@code /}; default
 *                                      {@value #DEFAULT_SCRAPE_PATH}
 * @param scrapeTarget                  the scraped target, the only egress besides HTTPS; both its ingress and
 *                                      VictoriaMetrics' egress are added; required
 * @param grafanaAdminPasswordSecretArn Secrets Manager secret or SSM SecureString parameter with Grafana's admin
 *                                      password, read via ECS secrets; required
 * @param kmsKeyArn                     customer-managed KMS key of the log group and the password secret; required
 * @param region                        region of the service, for the awslogs driver; required
 * @param retentionDays                 days VictoriaMetrics keeps samples (on EFS, kept across task replacement), 1 to
 *                                      3650; default {@value #DEFAULT_RETENTION_DAYS}
 * @param logRetentionDays              days CloudWatch keeps container logs, a value CloudWatch accepts; default
 *                                      {@value #DEFAULT_LOG_RETENTION_DAYS}
 * @param victoriaMetricsImage          VictoriaMetrics single-node image; default {@value #VICTORIA_METRICS_IMAGE}
 * @param grafanaImage                  Grafana image; default {@value #GRAFANA_IMAGE}
 * @param configWriterImage             image with {@code sh} and {@code printf} that writes the config files; default
 *                                      {@value #CONFIG_WRITER_IMAGE}
 * @param grafanaDashboards             dashboards Grafana provisions read-only, by file name ({@code [a-z0-9-]+}) to
 *                                      dashboard JSON; default none
 * @param grafanaAlertRules             alert-rule files Grafana provisions, by file name ({@code [a-z0-9-]+}) to JSON in
 *                                      Grafana's file-provisioning format ({@code apiVersion: 1}, {@code groups}; queries
 *                                      name the data source {@value PrometheusMetrics#DATA_SOURCE_UID}); default none
 * @param alertTopicArn                 SNS topic every Grafana alert notifies (a contact point of type {@code sns}
 *                                      that the root notification policy uses), published with the task's own role;
 *                                      the topic is encrypted with {@code kmsKeyArn} or not at all; default none
 *                                      (alerts show in Grafana only)
 * @param listenerRuleConditions        conditions Grafana's listener rule adds to its path (e.g. the header CloudFront
 *                                      sends, so that Grafana is reachable only the way the proxy is); default none
 * @param grafanaTrustedOrigins         host names browsers reach Grafana under when a CDN in front forwards another
 *                                      Host (Grafana's CSRF check refuses a changing request whose Origin matches
 *                                      neither the Host nor {@code security.csrf_trusted_origins}); default none
 */
@ComponentArgs
public record PrometheusMetricsArgs(
        Output<String> clusterArn,
        Output<String> vpcId,
        Output<List<String>> subnetIds,
        int subnetCount,
        Connectable loadBalancer,
        Output<String> listenerArn,
        @Initializer("DEFAULT_LISTENER_RULE_PRIORITY") int listenerRulePriority,
        @Initializer("DEFAULT_GRAFANA_PATH_PREFIX") String grafanaPathPrefix,
        Output<String> scrapeHost,
        @Initializer("DEFAULT_SCRAPE_PORT") int scrapePort,
        @Initializer("DEFAULT_SCRAPE_PATH") String scrapePath,
        Connectable scrapeTarget,
        Output<String> grafanaAdminPasswordSecretArn,
        Output<String> kmsKeyArn,
        String region,
        @Initializer("DEFAULT_RETENTION_DAYS") int retentionDays,
        @Initializer("DEFAULT_LOG_RETENTION_DAYS") int logRetentionDays,
        @Initializer("VICTORIA_METRICS_IMAGE") String victoriaMetricsImage,
        @Initializer("GRAFANA_IMAGE") String grafanaImage,
        @Initializer("CONFIG_WRITER_IMAGE") String configWriterImage,
        Map<String, String> grafanaDashboards,
        Map<String, String> grafanaAlertRules,
        Optional<Output<String>> alertTopicArn,
        List<ListenerRuleConditionArgs> listenerRuleConditions,
        List<Output<String>> grafanaTrustedOrigins) {

    /** Default priority of Grafana's listener rule (lowest is evaluated first): leaves room for the caller's rules. */
    public static final int DEFAULT_LISTENER_RULE_PRIORITY = 900;
    /** Default Grafana path: Grafana under its own name, beside the proxy's paths. */
    public static final String DEFAULT_GRAFANA_PATH_PREFIX = "/grafana";
    /** Default scrape port: LiteLLM's. */
    public static final int DEFAULT_SCRAPE_PORT = 4000;
    /** Default scrape path: LiteLLM's Prometheus endpoint. */
    public static final String DEFAULT_SCRAPE_PATH = "/metrics/";
    /** Default sample retention in days: a month of history. */
    public static final int DEFAULT_RETENTION_DAYS = 30;
    /** Longest retention VictoriaMetrics is given here (its -retentionPeriod in days): ten years. */
    public static final int MAX_RETENTION_DAYS = 3650;
    /** Default container log retention in days: a month, like the samples. */
    public static final int DEFAULT_LOG_RETENTION_DAYS = 30;
    /** Default VictoriaMetrics single-node image (pinned). */
    public static final String VICTORIA_METRICS_IMAGE = "victoriametrics/victoria-metrics:v1.106.1";
    /** Default Grafana OSS image (pinned). */
    public static final String GRAFANA_IMAGE = "grafana/grafana:11.3.0";
    /** Default image of the short-lived container that writes the config files (pinned). */
    public static final String CONFIG_WRITER_IMAGE = "public.ecr.aws/docker/library/busybox:1.36.1";

    private static final Pattern PATH_PREFIX = Pattern.compile("(/[A-Za-z0-9._-]+)+");
    private static final Pattern DASHBOARD_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    /** Checks every field; messages name the field and what is allowed. */
    public PrometheusMetricsArgs {
        required("clusterArn", clusterArn);
        required("vpcId", vpcId);
        required("subnetIds", subnetIds);
        required("loadBalancer", loadBalancer);
        required("listenerArn", listenerArn);
        required("scrapeHost", scrapeHost);
        required("scrapeTarget", scrapeTarget);
        required("grafanaAdminPasswordSecretArn", grafanaAdminPasswordSecretArn);
        required("kmsKeyArn", kmsKeyArn);
        required("region", region);
        required("victoriaMetricsImage", victoriaMetricsImage);
        required("grafanaImage", grafanaImage);
        required("configWriterImage", configWriterImage);
        listenerRuleConditions = List.copyOf(listenerRuleConditions);
        grafanaTrustedOrigins = List.copyOf(grafanaTrustedOrigins);
        grafanaDashboards = Collections.unmodifiableMap(new LinkedHashMap<>(grafanaDashboards));
        grafanaDashboards.keySet().stream().filter(n -> !DASHBOARD_NAME.matcher(n).matches()).findFirst().ifPresent(bad -> {
            throw new IllegalArgumentException("grafanaDashboards: '" + bad + "' must be a file name of a-z, 0-9 and '-'");
        });
        grafanaAlertRules = Collections.unmodifiableMap(new LinkedHashMap<>(grafanaAlertRules));
        grafanaAlertRules.keySet().stream().filter(n -> !DASHBOARD_NAME.matcher(n).matches()).findFirst().ifPresent(bad -> {
            throw new IllegalArgumentException("grafanaAlertRules: '" + bad + "' must be a file name of a-z, 0-9 and '-'");
        });
        Reject.when(!REGION.matcher(region).matches(),
                "region: '" + region + "' is not an AWS region name (e.g. us-east-1)");
        range("listenerRulePriority", listenerRulePriority, 1, 50000);
        range("scrapePort", scrapePort, 1, 65535);
        range("subnetCount", subnetCount, 1, 6);
        range("retentionDays", retentionDays, 1, MAX_RETENTION_DAYS);
        Reject.when(grafanaPathPrefix == null || !PATH_PREFIX.matcher(grafanaPathPrefix).matches(),
                "grafanaPathPrefix: '" + grafanaPathPrefix
                + "' must be a path like /grafana (no trailing slash)");
        Reject.when(scrapePath == null || !scrapePath.startsWith("/"),
                "scrapePath: '" + scrapePath + "' must start with '/'");
        Reject.when(!LogRetention.accepts(logRetentionDays),
                "logRetentionDays: " + logRetentionDays
                + " is not one of " + LogRetention.DAYS);
    }

    /** Starts a builder with the defaults. */
    public static PrometheusMetricsArgsBuilder builder() {
        return PrometheusMetricsArgsBuilder.builder();
    }

    private static void range(String field, int value, int min, int max) {
        Reject.when(value < min || value > max, field + ": " + value + " must be between " + min + " and " + max);
    }

    private static void required(String field, Object value) {
        Reject.when(value == null, "PrometheusMetricsArgs." + field + " is required");
    }
}
