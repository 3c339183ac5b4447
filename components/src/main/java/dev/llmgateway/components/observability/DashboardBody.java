package dev.llmgateway.components.observability;

import dev.llmgateway.components.support.Json;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.llmgateway.components.observability.AlarmCatalog.ALB;
import static dev.llmgateway.components.observability.AlarmCatalog.CONTAINER_INSIGHTS;
import static dev.llmgateway.components.observability.AlarmCatalog.ECS;
import static dev.llmgateway.components.observability.AlarmCatalog.RDS;
import static dev.llmgateway.components.observability.MetricSource.DATABASE;
import static dev.llmgateway.components.observability.MetricSource.DATABASE_WRITER;
import static dev.llmgateway.components.observability.MetricSource.ECS_SERVICE;
import static dev.llmgateway.components.observability.MetricSource.LOAD_BALANCER;
import static dev.llmgateway.components.observability.MetricSource.TARGET_GROUP;

/**
 * The CloudWatch dashboard body (JSON) for a service behind an ALB with its database: an alarm
 * status strip, then graphs of requests, latency p50 / p95, 4xx / 5xx, healthy / unhealthy hosts,
 * running tasks, task CPU / memory and database CPU, connections and capacity, and with a web ACL the
 * requests WAF blocked and allowed.
 */
final class DashboardBody {

    private static final String WAF = "AWS/WAFV2";
    private static final int GRID_WIDTH = 24;
    private static final int ALARM_STRIP_HEIGHT = 4;
    private static final int GRAPH_WIDTH = 12;
    private static final int GRAPH_HEIGHT = 6;

    private DashboardBody() {
    }

    /** One time-series graph: a title and its metric lines. */
    private record Graph(String title, List<JsonArray> lines) {
    }

    /**
     * The dashboard JSON for {@code watched} in {@code region}, with a status widget for {@code alarmArns} and the
     * healthy hosts of the other services' target groups on the load balancer ({@code targetGroups}: label to ARN
     * suffix); without a load balancer its graphs are left out.
     */
    static String render(String region, MonitoredResources watched, DatabaseKind kind, List<String> alarmArns,
                         boolean loadBalanced, Map<String, String> targetGroups) {
        JsonArray widgets = new JsonArray();
        widgets.add(alarmStrip(alarmArns));
        List<Graph> graphs = new ArrayList<>(graphs(watched, kind).stream()
                .filter(g -> loadBalanced || g.lines().stream().noneMatch(l -> ALB.equals(l.get(0).getAsString())))
                .toList());
        if (loadBalanced && !targetGroups.isEmpty()) {
            graphs.add(new Graph("Healthy hosts: " + String.join(", ", targetGroups.keySet()), targetGroups.entrySet().stream()
                    .map(group -> {
                        Map<String, String> dimensions = new LinkedHashMap<>(watched.dimensions(LOAD_BALANCER));
                        dimensions.put("TargetGroup", group.getValue());
                        return line(ALB, "HealthyHostCount", dimensions, "Minimum", group.getKey());
                    }).toList()));
        }
        watched.webAcl().ifPresent(acl -> graphs.add(wafGraph(acl, region)));
        for (int i = 0; i < graphs.size(); i++) {
            widgets.add(graphWidget(region, graphs.get(i), (i % 2) * GRAPH_WIDTH,
                    ALARM_STRIP_HEIGHT + (i / 2) * GRAPH_HEIGHT));
        }
        JsonObject body = new JsonObject();
        body.add("widgets", widgets);
        return Json.write(body);
    }

    private static List<Graph> graphs(MonitoredResources w, DatabaseKind kind) {
        return List.of(
                new Graph("Requests", List.of(
                        line(w, LOAD_BALANCER, ALB, "RequestCount", "Sum", "requests"))),
                new Graph("Target response time p50 / p95 (s)", List.of(
                        line(w, TARGET_GROUP, ALB, "TargetResponseTime", "p50", "p50"),
                        line(w, TARGET_GROUP, ALB, "TargetResponseTime", "p95", "p95"))),
                new Graph("HTTP 4xx / 5xx", List.of(
                        line(w, TARGET_GROUP, ALB, "HTTPCode_Target_4XX_Count", "Sum", "target 4xx"),
                        line(w, TARGET_GROUP, ALB, "HTTPCode_Target_5XX_Count", "Sum", "target 5xx"),
                        line(w, LOAD_BALANCER, ALB, "HTTPCode_ELB_4XX_Count", "Sum", "load balancer 4xx"),
                        line(w, LOAD_BALANCER, ALB, "HTTPCode_ELB_5XX_Count", "Sum", "load balancer 5xx"))),
                new Graph("Healthy / unhealthy hosts", List.of(
                        line(w, TARGET_GROUP, ALB, "HealthyHostCount", "Minimum", "healthy"),
                        line(w, TARGET_GROUP, ALB, "UnHealthyHostCount", "Maximum", "unhealthy"))),
                new Graph("Running tasks", List.of(
                        line(w, ECS_SERVICE, CONTAINER_INSIGHTS, "RunningTaskCount", "Minimum", "running"),
                        line(w, ECS_SERVICE, CONTAINER_INSIGHTS, "DesiredTaskCount", "Maximum", "desired"))),
                new Graph("Service CPU / memory (%)", List.of(
                        line(w, ECS_SERVICE, ECS, "CPUUtilization", "Average", "CPU"),
                        line(w, ECS_SERVICE, ECS, "MemoryUtilization", "Average", "memory"))),
                new Graph("Database (writer) CPU (%)", List.of(
                        line(w, DATABASE_WRITER, RDS, "CPUUtilization", "Average", "CPU"))),
                new Graph("Database (writer) connections", List.of(
                        line(w, DATABASE_WRITER, RDS, "DatabaseConnections", "Maximum", "connections"))),
                new Graph("Database capacity", capacityLines(w, kind)));
    }

    /**
     * Requests the regional web ACL blocked and allowed: {@code AWS/WAFV2} with dimensions WebACL,
     * Region and Rule ({@code ALL} aggregates every rule; AWS WAF developer guide, "AWS WAF metrics
     * and dimensions").
     */
    private static Graph wafGraph(String webAcl, String region) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("WebACL", webAcl);
        dimensions.put("Region", region);
        dimensions.put("Rule", "ALL");
        return new Graph("WAF requests blocked / allowed", List.of(
                line(WAF, "BlockedRequests", dimensions, "Sum", "blocked"),
                line(WAF, "AllowedRequests", dimensions, "Sum", "allowed")));
    }

    private static List<JsonArray> capacityLines(MonitoredResources w, DatabaseKind kind) {
        JsonArray freeableMemory = line(w, DATABASE, RDS, "FreeableMemory", "Minimum", "freeable memory (bytes)");
        return switch (kind) {
            case AURORA_SERVERLESS -> List.of(
                    line(w, DATABASE, RDS, "ServerlessDatabaseCapacity", "Average", "capacity (ACUs)"),
                    onRightAxis(line(w, DATABASE, RDS, "ACUUtilization", "Average", "ACU utilization (%)")));
            case AURORA_PROVISIONED -> List.of(freeableMemory);
            case RDS_INSTANCE -> List.of(freeableMemory,
                    line(w, DATABASE, RDS, "FreeStorageSpace", "Minimum", "free storage (bytes)"));
        };
    }

    /** A metric line: namespace, metric, dimension name / value pairs, then rendering options. */
    private static JsonArray line(MonitoredResources w, MetricSource source, String namespace, String metric,
                                  String stat, String label) {
        return line(namespace, metric, w.dimensions(source), stat, label);
    }

    private static JsonArray line(String namespace, String metric, Map<String, String> dimensions, String stat,
                                  String label) {
        JsonArray line = new JsonArray();
        line.add(namespace);
        line.add(metric);
        for (Map.Entry<String, String> dimension : dimensions.entrySet()) {
            line.add(dimension.getKey());
            line.add(dimension.getValue());
        }
        JsonObject options = new JsonObject();
        options.addProperty("stat", stat);
        options.addProperty("label", label);
        line.add(options);
        return line;
    }

    private static JsonArray onRightAxis(JsonArray line) {
        line.get(line.size() - 1).getAsJsonObject().addProperty("yAxis", "right");
        return line;
    }

    private static JsonObject alarmStrip(List<String> alarmArns) {
        JsonArray alarms = new JsonArray();
        alarmArns.forEach(alarms::add);
        JsonObject properties = new JsonObject();
        properties.addProperty("title", "Alarms");
        properties.add("alarms", alarms);
        return widget("alarm", 0, 0, GRID_WIDTH, ALARM_STRIP_HEIGHT, properties);
    }

    private static JsonObject graphWidget(String region, Graph graph, int x, int y) {
        JsonArray metrics = new JsonArray();
        graph.lines().forEach(metrics::add);
        JsonObject properties = new JsonObject();
        properties.addProperty("title", graph.title());
        properties.addProperty("region", region);
        properties.addProperty("view", "timeSeries");
        properties.addProperty("stacked", false);
        properties.addProperty("period", AlarmThresholds.PERIOD_SECONDS);
        properties.add("metrics", metrics);
        return widget("metric", x, y, GRAPH_WIDTH, GRAPH_HEIGHT, properties);
    }

    private static JsonObject widget(String type, int x, int y, int width, int height, JsonObject properties) {
        JsonObject widget = new JsonObject();
        widget.addProperty("type", type);
        widget.addProperty("x", x);
        widget.addProperty("y", y);
        widget.addProperty("width", width);
        widget.addProperty("height", height);
        widget.add("properties", properties);
        return widget;
    }
}
