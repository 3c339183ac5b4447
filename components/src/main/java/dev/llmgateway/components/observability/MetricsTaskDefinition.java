package dev.llmgateway.components.observability;

import dev.llmgateway.components.naming.Partition;
import dev.llmgateway.components.support.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    /** VictoriaMetrics' samples ({@code -storageDataPath}), on EFS. */
    static final String DATA_VOLUME = "victoria-metrics-data";
    /** Grafana's database, sessions and plugins ({@code GF_PATHS_DATA}). */
    static final String GRAFANA_DATA_VOLUME = "grafana-data";
    /** Grafana's scratch space under a read-only root file system. */
    static final String GRAFANA_TMP_VOLUME = "grafana-tmp";
    /** Every task volume, by the path the containers mount it at. */
    static final Map<String, String> VOLUMES = Map.of(CONFIG_VOLUME, "/config", DATA_VOLUME, "/storage",
            GRAFANA_DATA_VOLUME, "/var/lib/grafana", GRAFANA_TMP_VOLUME, "/tmp");
    /**
     * VictoriaMetrics runs as nobody: its release images are alpine with the static binary and no
     * {@code USER} line, so root by default (VictoriaMetrics/VictoriaMetrics deployment/docker/Makefile
     * {@code ROOT_IMAGE ?= alpine}, app/victoria-metrics/deployment/Dockerfile).
     */
    static final int VICTORIA_METRICS_UID = 65534;
    /** Seconds between SIGTERM and SIGKILL for VictoriaMetrics (Fargate allows at most 120). */
    static final int VICTORIA_METRICS_STOP_SECONDS = 120;
    /** {@link #VICTORIA_METRICS_UID} as user and group; the EFS access point enforces the same ids. */
    static final String VICTORIA_METRICS_USER = VICTORIA_METRICS_UID + ":" + VICTORIA_METRICS_UID;
    /** Grafana's own user: {@code ARG GF_UID="472"}, {@code GF_GID="0"} in grafana/grafana's Dockerfile. */
    static final String GRAFANA_USER = "472:0";
    /**
     * The config writer is the one root container: task volumes start root-owned 0755 (ECS bind
     * mounts), so it writes the config and opens the writable volumes to the non-root servers, with
     * every capability dropped and a read-only root file system, then exits.
     */
    static final String CONFIG_WRITER_USER = "0:0";
    static final int GRAFANA_PORT = 3000;
    static final int VICTORIA_METRICS_PORT = 8428;

    private static final String CONFIG_DIR = VOLUMES.get(CONFIG_VOLUME);
    private static final String SCRAPE_CONFIG_FILE = CONFIG_DIR + "/prometheus.yml";
    private static final String PROVISIONING_DIR = CONFIG_DIR + "/grafana/provisioning";
    private static final String DATASOURCE_FILE = PROVISIONING_DIR + "/datasources/victoriametrics.yaml";
    private static final String DASHBOARD_PROVIDER_FILE = PROVISIONING_DIR + "/dashboards/provided.yaml";
    /** Where alert-rule files go: Grafana provisions every file in it (Grafana docs, "Use configuration files to provision alerting resources"). */
    static final String ALERTING_DIR = PROVISIONING_DIR + "/alerting";
    /**
     * The contact point and notification policy file, in {@link #ALERTING_DIR}: its underscore keeps it apart from the
     * alert-rule files, whose names are {@code [a-z0-9-]+}.
     */
    static final String NOTIFICATION_FILE = ALERTING_DIR + "/_notify-topic.json";
    /** Name (and uid) of the contact point that publishes to the alert topic. */
    static final String CONTACT_POINT = "alert-topic";
    /** Where the dashboards' JSON files go; Grafana reads them through the provider file. */
    static final String DASHBOARD_DIR = CONFIG_DIR + "/grafana/dashboards";

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
        return Json.write(Map.of(
                "global", Map.of("scrape_interval", "30s"),
                "scrape_configs", List.of(ordered(
                        "job_name", "litellm",
                        "metrics_path", path,
                        "dns_sd_configs", List.of(ordered("names", List.of(host), "type", "A", "port", port))))));
    }

    /** Grafana data-source provisioning file (JSON, which is valid YAML): VictoriaMetrics as default Prometheus source. */
    static String dataSources() {
        return Json.write(Map.of(
                "apiVersion", 1,
                "datasources", List.of(ordered(
                        "name", "VictoriaMetrics",
                        "uid", PrometheusMetrics.DATA_SOURCE_UID,
                        "type", "prometheus",
                        "access", "proxy",
                        "url", "http://localhost:" + VICTORIA_METRICS_PORT,
                        "isDefault", true,
                        "editable", false))));
    }

    /**
     * Grafana dashboard provisioning file (JSON, which is valid YAML): every dashboard file in
     * {@link #DASHBOARD_DIR}, read-only in the UI (Grafana docs, "Provisioning Grafana", dashboards:
     * {@code type: file}, {@code options.path}, {@code allowUiUpdates}, {@code disableDeletion}).
     */
    static String dashboardProvider() {
        return Json.write(Map.of(
                "apiVersion", 1,
                "providers", List.of(ordered(
                        "name", "provided",
                        "type", "file",
                        "disableDeletion", true,
                        "allowUiUpdates", false,
                        "options", Map.of("path", DASHBOARD_DIR)))));
    }

    /**
     * Grafana alerting provisioning file (JSON, which is valid YAML): one contact point of type {@code sns} that
     * publishes to {@code topicArn}, and the root notification policy sending every alert to it (Grafana docs, "Use
     * configuration files to provision alerting resources": {@code contactPoints}, {@code policies}). Without keys in
     * {@code sigv4} the notifier signs with the AWS SDK's default credentials, which in ECS are the task role's
     * (grafana/alerting receivers/sns: settings {@code topic_arn}, {@code api_url}, {@code sigv4.region}). The API URL
     * is given because the notifier's default, {@code sns.<region>.amazonaws.com}, is wrong outside partitions with
     * that suffix (China, the isolated regions).
     */
    static String notification(String topicArn, String region) {
        return Json.write(ordered(
                "apiVersion", 1,
                "contactPoints", List.of(ordered(
                        "orgId", 1,
                        "name", CONTACT_POINT,
                        "receivers", List.of(ordered(
                                "uid", CONTACT_POINT,
                                "type", "sns",
                                "settings", ordered(
                                        "topic_arn", topicArn,
                                        "api_url", "https://sns." + region + "." + Partition.dnsSuffix(region),
                                        "sigv4", Map.of("region", region)))))),
                "policies", List.of(ordered(
                        "orgId", 1,
                        "receiver", CONTACT_POINT,
                        "group_by", List.of("grafana_folder", "alertname")))));
    }

    /**
     * The container definitions JSON.
     *
     * @param args              component args (images, paths, retention, region)
     * @param scrapeHost        DNS name of the scrape targets
     * @param logGroup          resolved log group name
     * @param passwordSecretArn resolved ARN of the admin password secret
     * @param trustedOrigins    resolved host names Grafana's CSRF check accepts besides the request's Host
     * @param alertTopicArn     resolved ARN of the topic alerts notify, if any
     */
    static String containers(PrometheusMetricsArgs args, String scrapeHost, String logGroup, String passwordSecretArn,
                             List<String> trustedOrigins, Optional<String> alertTopicArn) {
        Map<String, Object> writer = container(CONFIG_WRITER, args.configWriterImage(), false, CONFIG_WRITER_USER,
                args.region(), logGroup);
        StringBuilder write = new StringBuilder("mkdir -p " + PROVISIONING_DIR + "/datasources " + PROVISIONING_DIR
                + "/dashboards " + DASHBOARD_DIR + " " + ALERTING_DIR
                + " && printf '%s' \"$SCRAPE_CONFIG\" > " + SCRAPE_CONFIG_FILE
                + " && printf '%s' \"$GRAFANA_DATASOURCES\" > " + DATASOURCE_FILE
                + " && printf '%s' \"$GRAFANA_DASHBOARD_PROVIDER\" > " + DASHBOARD_PROVIDER_FILE);
        Map<String, Object> environment = ordered(
                "SCRAPE_CONFIG", scrapeConfig(scrapeHost, args.scrapePort(), args.scrapePath()),
                "GRAFANA_DATASOURCES", dataSources(),
                "GRAFANA_DASHBOARD_PROVIDER", dashboardProvider());
        // One variable per dashboard: its JSON goes to <name>.json (names are checked to be file-safe).
        args.grafanaDashboards().forEach((name, json) -> {
            String variable = "GRAFANA_DASHBOARD_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
            write.append(" && printf '%s' \"$").append(variable).append("\" > ").append(DASHBOARD_DIR).append('/')
                    .append(name).append(".json");
            environment.put(variable, json);
        });
        args.grafanaAlertRules().forEach((name, json) -> {
            String variable = "GRAFANA_ALERTING_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
            write.append(" && printf '%s' \"$").append(variable).append("\" > ").append(ALERTING_DIR).append('/')
                    .append(name).append(".json");
            environment.put(variable, json);
        });
        alertTopicArn.ifPresent(topic -> {
            write.append(" && printf '%s' \"$GRAFANA_NOTIFICATION\" > ").append(NOTIFICATION_FILE);
            environment.put("GRAFANA_NOTIFICATION", notification(topic, args.region()));
        });
        write.append(" && chmod 1777 ").append(VOLUMES.get(GRAFANA_DATA_VOLUME)).append(' ').append(VOLUMES.get(GRAFANA_TMP_VOLUME));
        writer.put("command", List.of("sh", "-c", write.toString()));
        writer.put("environment", environment(environment));
        writer.put("mountPoints", List.of(mount(CONFIG_VOLUME, false), mount(GRAFANA_DATA_VOLUME, false),
                mount(GRAFANA_TMP_VOLUME, false)));

        Map<String, Object> victoria = container(VICTORIA_METRICS, args.victoriaMetricsImage(), true, VICTORIA_METRICS_USER,
                args.region(), logGroup);
        victoria.put("command", List.of(
                "-promscrape.config=" + SCRAPE_CONFIG_FILE,
                "-retentionPeriod=" + args.retentionDays() + "d",
                "-storageDataPath=" + VOLUMES.get(DATA_VOLUME),
                "-httpListenAddr=127.0.0.1:" + VICTORIA_METRICS_PORT));
        victoria.put("mountPoints", List.of(mount(CONFIG_VOLUME, true), mount(DATA_VOLUME, false)));
        // Time to flush to EFS on SIGTERM: parts cut short on NFS have left VictoriaMetrics unable to start
        // (VictoriaMetrics/VictoriaMetrics#162, #3038). 120 s is Fargate's maximum stopTimeout.
        victoria.put("stopTimeout", VICTORIA_METRICS_STOP_SECONDS);
        victoria.put("dependsOn", List.of(dependsOn(CONFIG_WRITER, "SUCCESS")));
        // The image is alpine-based, so busybox wget is there; /health answers "OK" while the server runs
        // (VictoriaMetrics lib/httpserver/httpserver.go, handlerWrapper).
        victoria.put("healthCheck", healthCheck(List.of("CMD", "wget", "-q", "-O", "/dev/null",
                "http://127.0.0.1:" + VICTORIA_METRICS_PORT + "/health")));

        Map<String, Object> grafana = container(GRAFANA, args.grafanaImage(), true, GRAFANA_USER, args.region(), logGroup);
        grafana.put("portMappings", List.of(Map.of("containerPort", GRAFANA_PORT, "protocol", "tcp")));
        Map<String, Object> grafanaEnvironment = ordered(
                "GF_PATHS_PROVISIONING", PROVISIONING_DIR,
                "GF_SECURITY_ADMIN_USER", "admin",
                "GF_SERVER_ROOT_URL", "%(protocol)s://%(domain)s:%(http_port)s" + args.grafanaPathPrefix() + "/",
                "GF_SERVER_SERVE_FROM_SUB_PATH", "true",
                "GF_USERS_ALLOW_SIGN_UP", "false",
                "GF_AUTH_ANONYMOUS_ENABLED", "false",
                "GF_ANALYTICS_REPORTING_ENABLED", "false",
                "GF_ANALYTICS_CHECK_FOR_UPDATES", "false");
        if (!trustedOrigins.isEmpty()) {
            // Grafana reads security.csrf_trusted_origins as space-separated host names and compares them with the
            // Origin header's host (grafana pkg/middleware/csrf/csrf.go, check): behind CloudFront the Host is the
            // origin's name, not the one in the browser's address bar.
            grafanaEnvironment.put("GF_SECURITY_CSRF_TRUSTED_ORIGINS", String.join(" ", trustedOrigins));
        }
        grafana.put("environment", environment(grafanaEnvironment));
        grafana.put("secrets", List.of(Map.of("name", "GF_SECURITY_ADMIN_PASSWORD", "valueFrom", passwordSecretArn)));
        grafana.put("mountPoints", List.of(mount(CONFIG_VOLUME, true), mount(GRAFANA_DATA_VOLUME, false),
                mount(GRAFANA_TMP_VOLUME, false)));
        grafana.put("dependsOn", List.of(dependsOn(CONFIG_WRITER, "SUCCESS"), dependsOn(VICTORIA_METRICS, "HEALTHY")));
        // The image installs curl (grafana/grafana Dockerfile: apk add ... curl); the path is the target group's.
        grafana.put("healthCheck", healthCheck(List.of("CMD", "curl", "-fsS", "-o", "/dev/null",
                "http://localhost:" + GRAFANA_PORT + args.grafanaPathPrefix() + "/api/health")));

        return Json.write(List.of(writer, victoria, grafana));
    }

    private static Map<String, Object> container(String name, String image, boolean essential, String user,
                                                 String region, String logGroup) {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", name);
        container.put("image", image);
        container.put("essential", essential);
        container.put("user", user);
        container.put("readonlyRootFilesystem", true);
        container.put("linuxParameters", Map.of("capabilities", Map.of("drop", List.of("ALL"))));
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

    private static Map<String, Object> mount(String volume, boolean readOnly) {
        return ordered("sourceVolume", volume, "containerPath", VOLUMES.get(volume), "readOnly", readOnly);
    }

    /** A container health check: every 30 s, 5 s to answer, 3 retries, 60 s to start (as the proxy's). */
    private static Map<String, Object> healthCheck(List<String> command) {
        return ordered("command", command, "interval", 30, "timeout", 5, "retries", 3, "startPeriod", 60);
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
