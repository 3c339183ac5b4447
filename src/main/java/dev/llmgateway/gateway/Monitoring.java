package dev.llmgateway.gateway;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.llmgateway.components.database.ConnectionBudget;
import dev.llmgateway.components.database.Database;
import dev.llmgateway.components.database.DatabaseArgs;
import dev.llmgateway.components.observability.AlarmThresholds;
import dev.llmgateway.components.observability.DatabaseKind;
import dev.llmgateway.components.observability.Observability;
import dev.llmgateway.components.observability.ObservabilityArgs;
import dev.llmgateway.components.proxy.ProxyService;
import dev.llmgateway.gateway.settings.DatabaseSettings;
import dev.llmgateway.gateway.settings.ObservabilitySettings;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Alarms and the dashboard for the proxy service, its load balancer and its database. */
final class Monitoring {

    private Monitoring() {
    }

    /** Name of the monitoring component: its alarms are named after it. */
    static String name(String prefix) {
        return prefix + "-monitoring";
    }

    /** Share of the database's max_connections at which the connections alarm fires. */
    static final double CONNECTION_ALARM_SHARE = 0.8;

    /**
     * What else the stack runs that deserves an alarm: each is present only when the stack creates it.
     *
     * @param natInstanceId      the NAT instance
     * @param natStoppedOffHours whether the office hours stop the NAT instance
     * @param certificates       certificates the stack created, by label
     * @param metricsTargetGroup the metrics service's target group
     * @param backendTargetGroup the componentized layout's backend target group
     * @param uiTargetGroup      the componentized layout's UI target group
     */
    record SinglePoints(Optional<Output<String>> natInstanceId, boolean natStoppedOffHours, Map<String, Output<String>> certificates,
                        Optional<Output<String>> metricsTargetGroup, Optional<Output<String>> backendTargetGroup,
                        Optional<Output<String>> uiTargetGroup) {
    }

    /**
     * The connections alarm's threshold: {@value #CONNECTION_ALARM_SHARE} of the default
     * {@code max_connections} for the database's capacity or class ({@link ConnectionBudget}), so it
     * fires before connections are refused, not at a fixed 80 that a normal prod peak exceeds.
     */
    static int connectionAlarmThreshold(DatabaseSettings d) {
        String instanceClass = d.instanceClass().orElse(DatabaseArgs.defaultInstanceClass(d.engine()));
        int max = ConnectionBudget.maxConnections(d.engine(), d.minCapacity(), d.maxCapacity(), instanceClass);
        return (int) Math.floor(max * CONNECTION_ALARM_SHARE);
    }

    /**
     * Alarms at the stack's level and thresholds, notifying the stack's e-mails; {@code runningTasks} is the fewest tasks
     * that should run at any time (0 when a schedule stops them).
     */
    static Observability observability(String prefix, String region, ObservabilitySettings o, DatabaseSettings d,
                                       int runningTasks, Output<String> keyArn, ProxyService proxy, Database database,
                                       SinglePoints points, ComponentResourceOptions options) {
        Optional<ProxyService> balanced = Optional.of(proxy).filter(ProxyService::loadBalanced);
        return new Observability(name(prefix), ObservabilityArgs.builder()
                .loadBalancerArnSuffix(balanced.map(ProxyService::loadBalancerArnSuffix))
                .targetGroupArnSuffix(balanced.map(ProxyService::targetGroupArnSuffix))
                .instances(present(Map.of("nat", points.natInstanceId())))
                .stoppedOnSchedule(points.natStoppedOffHours() && points.natInstanceId().isPresent() ? Set.of("nat") : Set.of())
                .certificates(new TreeMap<>(points.certificates()))
                // Healthy hosts of the other services on the load balancer: the metrics service, the componentized
                // backend and UI (each should have at least one healthy target).
                .targetGroups(present(Map.of("metrics", points.metricsTargetGroup(), "backend", points.backendTargetGroup(),
                        "ui", points.uiTargetGroup())))
                // arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>: the metric dimension is the name.
                .webAclName(proxy.webAclArn().map(arn -> arn.applyValue(a -> a.split("/")[2])))
                .kmsKeyArn(keyArn)
                .alarmEmails(o.alarmEmails())
                .level(o.alarmLevel())
                .thresholds(AlarmThresholds.builder()
                        .ecsCpuPercent(o.cpuAlarmPercent())
                        .ecsMemoryPercent(o.memoryAlarmPercent())
                        .p95LatencySeconds(o.latencyAlarmSeconds())
                        .alb5xxPer5Min(o.errorAlarmCount())
                        .target5xxPer5Min(o.errorAlarmCount())
                        .dbConnections(connectionAlarmThreshold(d))
                        .build())
                .clusterName(proxy.clusterName())
                .clusterArn(proxy.clusterArn())
                .serviceName(proxy.serviceName())
                .minTasks(runningTasks)
                .databaseDimensions(Output.of(database.metricDimensions()))
                .databaseKind(switch (database.engine()) {
                    case AURORA_SERVERLESS_V2 -> DatabaseKind.AURORA_SERVERLESS;
                    case AURORA_PROVISIONED -> DatabaseKind.AURORA_PROVISIONED;
                    case RDS_INSTANCE -> DatabaseKind.RDS_INSTANCE;
                })
                .dashboard(o.dashboard())
                .containerInsights(o.containerInsights())
                .region(region)
                .build(), options);
    }

    /** The labelled resources the stack has, by label. */
    private static Map<String, Output<String>> present(Map<String, Optional<Output<String>>> labelled) {
        Map<String, Output<String>> present = new TreeMap<>();
        labelled.forEach((label, resource) -> resource.ifPresent(r -> present.put(label, r)));
        return present;
    }
}
