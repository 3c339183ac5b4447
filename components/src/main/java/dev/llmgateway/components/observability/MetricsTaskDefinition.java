package dev.llmgateway.components.observability;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The containers of the {@link PrometheusMetrics} task, as ECS container-definition JSON: a
 * short-lived config writer that puts the scrape config and Grafana's data-source provisioning
 * file (both passed as environment values, neither secret) on a shared task volume, then
 * VictoriaMetrics single-node scraping the target, then Grafana reading VictoriaMetrics on
 * localhost, with its admin password injected by ECS from Secrets Manager.
 */
final class MetricsTaskDefinition {

    static final String CONFIG_WRITER = "config-writer";
    static final String VICTORIA_METRICS = "victoriametrics";
    static final String GRAFANA = "grafana";
    static final String CONFIG_VOLUME = "config";
    static final int GRAFANA_PORT = 3000;
    static final int VICTORIA_METRICS_PORT = 8428;

    private static final String CONFIG_DIR = "/config";
    private static final String SCRAPE_CONFIG_FILE = CONFIG_DIR + "/prometheus.yml";
    private static final String PROVISIONING_DIR = CONFIG_DIR + "/grafana/provisioning";
    private static final String DATASOURCE_FILE = PROVISIONING_DIR + "/datasources/victoriametrics.yaml";
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private MetricsTaskDefinition() {
    }

    /**
     * Prometheus scrape configuration (JSON, which is valid YAML). The target is a DNS name whose A
     * records are the tasks to scrape (e.g. a Cloud Map service with one record per task), so every
     * task is scraped even as the service scales.
     *
     * @param host DNS name of the targets
     * @param port port to scrape
     * @param path metrics path, e.g. {@code /metrics/}
     */
    static String scrapeConfig(String host, int port, String path) {
        return GSON.toJson(Map.of(
                "global", Map.of("scrape_interval", "30s"),
                "scrape_configs", List.of(ordered(
                        "job_name", "litellm",
                        "metrics_path", path,
                        "dns_sd_configs", List.of(ordered("names", List.of(host), "type", "A", "port", port))))));
    }

    /** Grafana data-source provisioning file (JSON, which is valid YAML): VictoriaMetrics as default Prometheus source. */
    static String dataSources() {
        return GSON.toJson(Map.of(
                "apiVersion", 1,
                "datasources", List.of(ordered(
                        "name", "VictoriaMetrics",
                        "type", "prometheus",
                        "access", "proxy",
                        "url", "http://localhost:" + VICTORIA_METRICS_PORT,
                        "isDefault", true,
                        "editable", false))));
    }

    /**
     * The container definitions JSON.
     *
     * @param args              component args (images, paths, retention, region)
     * @param scrapeHost        DNS name of the scrape targets
     * @param logGroup          resolved log group name
     * @param passwordSecretArn resolved ARN of the admin password secret
     */
    static String containers(PrometheusMetricsArgs args, String scrapeHost, String logGroup, String passwordSecretArn) {
        Map<String, Object> writer = container(CONFIG_WRITER, args.configWriterImage(), false, args.region(), logGroup);
        writer.put("command", List.of("sh", "-c", "mkdir -p " + PROVISIONING_DIR + "/datasources"
                + " && printf '%s' \"$SCRAPE_CONFIG\" > " + SCRAPE_CONFIG_FILE
                + " && printf '%s' \"$GRAFANA_DATASOURCES\" > " + DATASOURCE_FILE));
        writer.put("environment", environment(ordered(
                "SCRAPE_CONFIG", scrapeConfig(scrapeHost, args.scrapePort(), args.scrapePath()),
                "GRAFANA_DATASOURCES", dataSources())));
        writer.put("mountPoints", List.of(mount(false)));

        Map<String, Object> victoria = container(VICTORIA_METRICS, args.victoriaMetricsImage(), true, args.region(), logGroup);
        victoria.put("command", List.of(
                "-promscrape.config=" + SCRAPE_CONFIG_FILE,
                "-retentionPeriod=" + args.retentionDays() + "d",
                "-storageDataPath=/storage",
                "-httpListenAddr=127.0.0.1:" + VICTORIA_METRICS_PORT));
        victoria.put("mountPoints", List.of(mount(true)));
        victoria.put("dependsOn", List.of(dependsOn(CONFIG_WRITER, "SUCCESS")));

        Map<String, Object> grafana = container(GRAFANA, args.grafanaImage(), true, args.region(), logGroup);
        grafana.put("portMappings", List.of(Map.of("containerPort", GRAFANA_PORT, "protocol", "tcp")));
        grafana.put("environment", environment(ordered(
                "GF_PATHS_PROVISIONING", PROVISIONING_DIR,
                "GF_SECURITY_ADMIN_USER", "admin",
                "GF_SERVER_ROOT_URL", "%(protocol)s://%(domain)s:%(http_port)s" + args.grafanaPathPrefix() + "/",
                "GF_SERVER_SERVE_FROM_SUB_PATH", "true",
                "GF_USERS_ALLOW_SIGN_UP", "false",
                "GF_AUTH_ANONYMOUS_ENABLED", "false",
                "GF_ANALYTICS_REPORTING_ENABLED", "false",
                "GF_ANALYTICS_CHECK_FOR_UPDATES", "false")));
        grafana.put("secrets", List.of(Map.of("name", "GF_SECURITY_ADMIN_PASSWORD", "valueFrom", passwordSecretArn)));
        grafana.put("mountPoints", List.of(mount(true)));
        grafana.put("dependsOn", List.of(dependsOn(CONFIG_WRITER, "SUCCESS"), dependsOn(VICTORIA_METRICS, "START")));

        return GSON.toJson(List.of(writer, victoria, grafana));
    }

    private static Map<String, Object> container(String name, String image, boolean essential, String region,
                                                 String logGroup) {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", name);
        container.put("image", image);
        container.put("essential", essential);
        container.put("logConfiguration", Map.of("logDriver", "awslogs", "options", ordered(
                "awslogs-group", logGroup,
                "awslogs-region", region,
                "awslogs-stream-prefix", name)));
        return container;
    }

    private static List<Map<String, String>> environment(Map<String, Object> values) {
        return values.entrySet().stream()
                .map(e -> Map.of("name", e.getKey(), "value", String.valueOf(e.getValue())))
                .toList();
    }

    private static Map<String, Object> mount(boolean readOnly) {
        return ordered("sourceVolume", CONFIG_VOLUME, "containerPath", CONFIG_DIR, "readOnly", readOnly);
    }

    private static Map<String, Object> dependsOn(String container, String condition) {
        return ordered("containerName", container, "condition", condition);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
