package dev.llmgateway.components.observability;

import dev.llmgateway.components.network.Connectable;
import dev.llmgateway.components.support.LogRetention;

import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.core.Output;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Inputs of {@link PrometheusMetrics}: where the Fargate service runs, who may reach Grafana, what
 * VictoriaMetrics scrapes, and the secret holding Grafana's admin password. The constructor (and so
 * {@link Builder#build()}) rejects missing required fields and invalid values naming the field.
 *
 * @param clusterArn                    ARN of the ECS cluster the service runs on (required)
 * @param vpcId                         VPC of the service's security group (required)
 * @param subnetIds                     private subnets of the task, which gets no public IP (required)
 * @param subnetCount                   how many subnets {@code subnetIds} holds: one EFS mount target each (required, 1 to 6)
 * @param loadBalancer                  the load balancer, the only source allowed to reach Grafana; both its egress and
 *                                      Grafana's ingress are added (required)
 * @param listenerArn                   load balancer listener that forwards {@code grafanaPathPrefix} to Grafana (required)
 * @param listenerRulePriority          priority of that listener rule, unique on the listener; default 900
 * @param grafanaPathPrefix             path prefix Grafana is served under; default {@code /grafana}
 * @param scrapeHost                    host name VictoriaMetrics scrapes (required)
 * @param scrapePort                    port VictoriaMetrics scrapes; default 4000 (LiteLLM)
 * @param scrapePath                    path VictoriaMetrics scrapes; default {@code /metrics/} (LiteLLM)
 * @param scrapeTarget                  the scraped target, the only egress besides HTTPS; both its ingress and
 *                                      VictoriaMetrics' egress are added (required)
 * @param grafanaAdminPasswordSecretArn Secrets Manager secret or SSM SecureString parameter with Grafana's admin password, read via ECS secrets (required)
 * @param kmsKeyArn                     customer-managed KMS key of the log group and the password secret (required)
 * @param region                        region of the service, for the awslogs driver (required)
 * @param retentionDays                 days VictoriaMetrics keeps samples (on EFS, kept across task replacement); default 30
 * @param logRetentionDays              days CloudWatch keeps container logs; default 30
 * @param victoriaMetricsImage          VictoriaMetrics single-node image; default {@link #VICTORIA_METRICS_IMAGE}
 * @param grafanaImage                  Grafana image; default {@link #GRAFANA_IMAGE}
 * @param configWriterImage             image with {@code sh} that writes the config files; default {@link #CONFIG_WRITER_IMAGE}
 * @param grafanaDashboards             dashboards Grafana provisions read-only, by file name ({@code [a-z0-9-]+}) to
 *                                      dashboard JSON; default none
 * @param listenerRuleConditions        conditions Grafana's listener rule adds to its path (e.g. the header CloudFront
 *                                      sends, so that Grafana is reachable only the way the proxy is); default none
 */
public record PrometheusMetricsArgs(
        Output<String> clusterArn,
        Output<String> vpcId,
        Output<List<String>> subnetIds,
        int subnetCount,
        Connectable loadBalancer,
        Output<String> listenerArn,
        int listenerRulePriority,
        String grafanaPathPrefix,
        Output<String> scrapeHost,
        int scrapePort,
        String scrapePath,
        Connectable scrapeTarget,
        Output<String> grafanaAdminPasswordSecretArn,
        Output<String> kmsKeyArn,
        String region,
        int retentionDays,
        int logRetentionDays,
        String victoriaMetricsImage,
        String grafanaImage,
        String configWriterImage,
        java.util.Map<String, String> grafanaDashboards,
        List<ListenerRuleConditionArgs> listenerRuleConditions) {

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
        grafanaDashboards = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(grafanaDashboards));
        grafanaDashboards.keySet().stream().filter(n -> !DASHBOARD_NAME.matcher(n).matches()).findFirst().ifPresent(bad -> {
            throw new IllegalArgumentException("grafanaDashboards: '" + bad + "' must be a file name of a-z, 0-9 and '-'");
        });
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region: '" + region + "' is not an AWS region name (e.g. us-east-1)");
        }
        range("listenerRulePriority", listenerRulePriority, 1, 50000);
        range("scrapePort", scrapePort, 1, 65535);
        range("subnetCount", subnetCount, 1, 6);
        range("retentionDays", retentionDays, 1, 3650);
        if (grafanaPathPrefix == null || !PATH_PREFIX.matcher(grafanaPathPrefix).matches()) {
            throw new IllegalArgumentException("grafanaPathPrefix: '" + grafanaPathPrefix
                    + "' must be a path like /grafana (no trailing slash)");
        }
        if (scrapePath == null || !scrapePath.startsWith("/")) {
            throw new IllegalArgumentException("scrapePath: '" + scrapePath + "' must start with '/'");
        }
        if (!LogRetention.accepts(logRetentionDays)) {
            throw new IllegalArgumentException("logRetentionDays: " + logRetentionDays
                    + " is not one of " + LogRetention.DAYS);
        }
    }

    /** A new builder with the defaults listed on each field. */
    public static Builder builder() {
        return new Builder();
    }

    private static void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + ": " + value + " must be between " + min + " and " + max);
        }
    }

    private static void required(String field, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("PrometheusMetricsArgs." + field + " is required");
        }
    }

    /** Builds {@link PrometheusMetricsArgs}. */
    public static final class Builder {
        private Output<String> clusterArn;
        private Output<String> vpcId;
        private Output<List<String>> subnetIds;
        private int subnetCount;
        private Connectable loadBalancer;
        private Output<String> listenerArn;
        private int listenerRulePriority = 900;
        private String grafanaPathPrefix = "/grafana";
        private Output<String> scrapeHost;
        private int scrapePort = 4000;
        private String scrapePath = "/metrics/";
        private Connectable scrapeTarget;
        private Output<String> grafanaAdminPasswordSecretArn;
        private Output<String> kmsKeyArn;
        private String region;
        private int retentionDays = 30;
        private int logRetentionDays = 30;
        private String victoriaMetricsImage = VICTORIA_METRICS_IMAGE;
        private String grafanaImage = GRAFANA_IMAGE;
        private String configWriterImage = CONFIG_WRITER_IMAGE;
        private final List<ListenerRuleConditionArgs> listenerRuleConditions = new java.util.ArrayList<>();
        private final java.util.Map<String, String> grafanaDashboards = new java.util.LinkedHashMap<>();

        private Builder() {
        }

        /** Required: ARN of the ECS cluster the metrics service runs on. */
        public Builder clusterArn(Output<String> clusterArn) {
            this.clusterArn = clusterArn;
            return this;
        }

        /** Required: VPC of the service's security group. */
        public Builder vpcId(Output<String> vpcId) {
            this.vpcId = vpcId;
            return this;
        }

        /** Required: private subnets for the task (it gets no public IP). */
        public Builder subnetIds(Output<List<String>> subnetIds) {
            this.subnetIds = subnetIds;
            return this;
        }

        /** Required: how many subnets {@link #subnetIds} holds (1 to 6): one EFS mount target in each. */
        public Builder subnetCount(int subnetCount) {
            this.subnetCount = subnetCount;
            return this;
        }

        /** Required: the load balancer; the only source allowed to reach Grafana (rules on both groups). */
        public Builder loadBalancer(Connectable loadBalancer) {
            this.loadBalancer = loadBalancer;
            return this;
        }

        /** Required: ARN of the load balancer listener that forwards {@code grafanaPathPrefix} to Grafana. */
        public Builder listenerArn(Output<String> listenerArn) {
            this.listenerArn = listenerArn;
            return this;
        }

        /** Priority of the Grafana listener rule (1 to 50000, unique on the listener); default 900. */
        public Builder listenerRulePriority(int listenerRulePriority) {
            this.listenerRulePriority = listenerRulePriority;
            return this;
        }

        /** Path prefix Grafana is served under on the load balancer; default {@code /grafana}. */
        public Builder grafanaPathPrefix(String grafanaPathPrefix) {
            this.grafanaPathPrefix = grafanaPathPrefix;
            return this;
        }

        /** Required: host name VictoriaMetrics scrapes (e.g. the proxy's internal DNS name). */
        public Builder scrapeHost(Output<String> scrapeHost) {
            this.scrapeHost = scrapeHost;
            return this;
        }

        /** Port VictoriaMetrics scrapes; default 4000 (LiteLLM). */
        public Builder scrapePort(int scrapePort) {
            this.scrapePort = scrapePort;
            return this;
        }

        /** Path VictoriaMetrics scrapes; default {@code /metrics/} (LiteLLM's Prometheus endpoint). */
        public Builder scrapePath(String scrapePath) {
            this.scrapePath = scrapePath;
            return this;
        }

        /** Required: the scraped target; egress goes only there on {@code scrapePort}, and the target admits it. */
        public Builder scrapeTarget(Connectable scrapeTarget) {
            this.scrapeTarget = scrapeTarget;
            return this;
        }

        /** Required: ARN of the Secrets Manager secret or SSM SecureString parameter holding Grafana's admin password (read via ECS secrets). */
        public Builder grafanaAdminPasswordSecretArn(Output<String> grafanaAdminPasswordSecretArn) {
            this.grafanaAdminPasswordSecretArn = grafanaAdminPasswordSecretArn;
            return this;
        }

        /** Required: customer-managed KMS key encrypting the log group (and the password secret). */
        public Builder kmsKeyArn(Output<String> kmsKeyArn) {
            this.kmsKeyArn = kmsKeyArn;
            return this;
        }

        /** Required: region of the service, for the awslogs log driver. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Days VictoriaMetrics keeps samples (on EFS, kept across task replacement); default 30. */
        public Builder retentionDays(int retentionDays) {
            this.retentionDays = retentionDays;
            return this;
        }

        /** Days CloudWatch keeps container logs (a value CloudWatch accepts); default 30. */
        public Builder logRetentionDays(int logRetentionDays) {
            this.logRetentionDays = logRetentionDays;
            return this;
        }

        /** VictoriaMetrics single-node image; default {@link #VICTORIA_METRICS_IMAGE}. */
        public Builder victoriaMetricsImage(String victoriaMetricsImage) {
            this.victoriaMetricsImage = victoriaMetricsImage;
            return this;
        }

        /** Grafana image; default {@link #GRAFANA_IMAGE}. */
        public Builder grafanaImage(String grafanaImage) {
            this.grafanaImage = grafanaImage;
            return this;
        }

        /** Image with {@code sh} and {@code printf} that writes the config files; default {@link #CONFIG_WRITER_IMAGE}. */
        public Builder configWriterImage(String configWriterImage) {
            this.configWriterImage = configWriterImage;
            return this;
        }

        /** A dashboard Grafana provisions read-only: file name ({@code [a-z0-9-]+}) and dashboard JSON; repeatable. */
        public Builder grafanaDashboard(String name, String json) {
            this.grafanaDashboards.put(name, json);
            return this;
        }

        /** A further condition of Grafana's listener rule, such as a required header; repeatable. */
        public Builder listenerRuleCondition(ListenerRuleConditionArgs condition) {
            this.listenerRuleConditions.add(condition);
            return this;
        }

        /** The args; throws {@link IllegalArgumentException} naming a missing or invalid field. */
        public PrometheusMetricsArgs build() {
            return new PrometheusMetricsArgs(clusterArn, vpcId, subnetIds, subnetCount, loadBalancer, listenerArn,
                    listenerRulePriority, grafanaPathPrefix, scrapeHost, scrapePort, scrapePath,
                    scrapeTarget, grafanaAdminPasswordSecretArn, kmsKeyArn, region, retentionDays,
                    logRetentionDays, victoriaMetricsImage, grafanaImage, configWriterImage, grafanaDashboards,
                    listenerRuleConditions);
        }
    }
}
