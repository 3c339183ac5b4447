package dev.llmgateway.components.observability;

import dev.llmgateway.components.observability.AlarmSpec.Comparison;
import dev.llmgateway.components.observability.AlarmSpec.MissingData;

import java.util.EnumSet;
import java.util.List;

import static dev.llmgateway.components.observability.AlarmLevel.ESSENTIAL;
import static dev.llmgateway.components.observability.AlarmLevel.FULL;
import static dev.llmgateway.components.observability.AlarmSpec.Comparison.ABOVE;
import static dev.llmgateway.components.observability.AlarmSpec.Comparison.AT_LEAST;
import static dev.llmgateway.components.observability.AlarmSpec.Comparison.BELOW;
import static dev.llmgateway.components.observability.AlarmSpec.MissingData.BREACHING;
import static dev.llmgateway.components.observability.AlarmSpec.MissingData.NOT_BREACHING;
import static dev.llmgateway.components.observability.MetricSource.DATABASE;
import static dev.llmgateway.components.observability.MetricSource.ECS_SERVICE;
import static dev.llmgateway.components.observability.MetricSource.LOAD_BALANCER;
import static dev.llmgateway.components.observability.MetricSource.TARGET_GROUP;

/**
 * The alarms an ECS service behind an ALB with a PostgreSQL database gets, as data.
 *
 * <p>{@link AlarmLevel#ESSENTIAL}: no running tasks, unhealthy hosts, load balancer 5xx, database
 * CPU. {@link AlarmLevel#FULL} adds task CPU and memory, target 5xx, p95 latency, database
 * connections and freeable memory, plus free storage (RDS instances only) and ACU utilization
 * (Aurora Serverless only). Missing data counts as breaching only for the running-task count
 * (silence means nothing runs); everywhere else silence means no traffic or a paused database.
 */
final class AlarmCatalog {

    static final String ECS = "AWS/ECS";
    static final String CONTAINER_INSIGHTS = "ECS/ContainerInsights";
    static final String ALB = "AWS/ApplicationELB";
    static final String RDS = "AWS/RDS";

    private AlarmCatalog() {
    }

    /** The alarms for a level and database kind, with thresholds from {@code t}. */
    static List<AlarmSpec> select(AlarmLevel level, DatabaseKind kind, AlarmThresholds t, int minTasks) {
        return all(t, minTasks).stream()
                .filter(spec -> level.includes(spec.level()) && spec.kinds().contains(kind))
                .toList();
    }

    private static List<AlarmSpec> all(AlarmThresholds t, int minTasks) {
        return List.of(
                alarm("running-tasks", "fewer than " + minTasks + " task(s) of the service run",
                        ECS_SERVICE, CONTAINER_INSIGHTS, "RunningTaskCount", "Minimum", BELOW, minTasks, BREACHING, ESSENTIAL),
                alarm("unhealthy-hosts", "at least " + t.unhealthyHosts() + " target(s) fail the load balancer health check",
                        TARGET_GROUP, ALB, "UnHealthyHostCount", "Maximum", AT_LEAST, t.unhealthyHosts(), NOT_BREACHING, ESSENTIAL),
                alarm("alb-5xx", "the load balancer returned more than " + t.alb5xxPer5Min() + " 5xx responses in 5 minutes",
                        LOAD_BALANCER, ALB, "HTTPCode_ELB_5XX_Count", "Sum", ABOVE, t.alb5xxPer5Min(), NOT_BREACHING, ESSENTIAL),
                alarm("db-cpu", "database CPU is above " + n(t.dbCpuPercent()) + "%",
                        DATABASE, RDS, "CPUUtilization", "Average", ABOVE, t.dbCpuPercent(), NOT_BREACHING, ESSENTIAL),
                alarm("ecs-cpu", "service CPU is above " + n(t.ecsCpuPercent()) + "%",
                        ECS_SERVICE, ECS, "CPUUtilization", "Average", ABOVE, t.ecsCpuPercent(), NOT_BREACHING, FULL),
                alarm("ecs-memory", "service memory is above " + n(t.ecsMemoryPercent()) + "%",
                        ECS_SERVICE, ECS, "MemoryUtilization", "Average", ABOVE, t.ecsMemoryPercent(), NOT_BREACHING, FULL),
                alarm("target-5xx", "the service returned more than " + t.target5xxPer5Min() + " 5xx responses in 5 minutes",
                        TARGET_GROUP, ALB, "HTTPCode_Target_5XX_Count", "Sum", ABOVE, t.target5xxPer5Min(), NOT_BREACHING, FULL),
                alarm("p95-latency", "the 95th percentile response time is above " + n(t.p95LatencySeconds()) + " s",
                        TARGET_GROUP, ALB, "TargetResponseTime", "p95", ABOVE, t.p95LatencySeconds(), NOT_BREACHING, FULL),
                alarm("db-connections", "more than " + t.dbConnections() + " database connections are open",
                        DATABASE, RDS, "DatabaseConnections", "Maximum", ABOVE, t.dbConnections(), NOT_BREACHING, FULL),
                alarm("db-freeable-memory", "database freeable memory is below " + t.dbFreeableMemoryBytes() + " bytes",
                        DATABASE, RDS, "FreeableMemory", "Minimum", BELOW, t.dbFreeableMemoryBytes(), NOT_BREACHING, FULL),
                alarm("db-free-storage", "database free storage is below " + t.dbFreeStorageBytes() + " bytes",
                        DATABASE, RDS, "FreeStorageSpace", "Minimum", BELOW, t.dbFreeStorageBytes(), NOT_BREACHING, FULL)
                        .onlyFor(DatabaseKind.RDS_INSTANCE),
                alarm("db-acu-utilization", "Aurora Serverless capacity is above " + n(t.dbAcuUtilizationPercent()) + "% of the maximum ACUs",
                        DATABASE, RDS, "ACUUtilization", "Average", ABOVE, t.dbAcuUtilizationPercent(), NOT_BREACHING, FULL)
                        .onlyFor(DatabaseKind.AURORA_SERVERLESS));
    }

    private static AlarmSpec alarm(String key, String meaning, MetricSource source, String namespace, String metric,
                                   String statistic, Comparison comparison, double threshold, MissingData missing,
                                   AlarmLevel level) {
        return new AlarmSpec(key, "Fires when " + meaning + ".", source, namespace, metric, statistic, comparison,
                threshold, missing, level, EnumSet.allOf(DatabaseKind.class));
    }

    /** A threshold as people write it: {@code 80}, not {@code 80.0}. */
    private static String n(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
