package dev.llmgateway.components.observability;

import dev.llmgateway.components.observability.AlarmSpec.Comparison;
import dev.llmgateway.components.observability.AlarmSpec.MissingData;

import java.util.List;

import static dev.llmgateway.components.observability.AlarmLevel.ESSENTIAL;
import static dev.llmgateway.components.observability.AlarmLevel.FULL;
import static dev.llmgateway.components.observability.AlarmSpec.Comparison.ABOVE;
import static dev.llmgateway.components.observability.AlarmSpec.Comparison.AT_LEAST;
import static dev.llmgateway.components.observability.AlarmSpec.Comparison.BELOW;
import static dev.llmgateway.components.observability.AlarmSpec.MissingData.BREACHING;
import static dev.llmgateway.components.observability.AlarmSpec.MissingData.NOT_BREACHING;
import static dev.llmgateway.components.observability.MetricSource.CERTIFICATE;
import static dev.llmgateway.components.observability.MetricSource.DATABASE;
import static dev.llmgateway.components.observability.MetricSource.DATABASE_WRITER;
import static dev.llmgateway.components.observability.MetricSource.EC2_INSTANCE;
import static dev.llmgateway.components.observability.MetricSource.ECS_SERVICE;
import static dev.llmgateway.components.observability.MetricSource.LOAD_BALANCER;
import static dev.llmgateway.components.observability.MetricSource.TARGET_GROUP;

/**
 * The alarms an ECS service behind an ALB with a PostgreSQL database gets, as data. Callers add their own
 * through {@link Observability#addAlarm}.
 *
 * <p>{@link AlarmLevel#ESSENTIAL}: fewer healthy targets than the minimum task count (works without
 * Container Insights: tasks that never become healthy, for a failed migration, an image that cannot
 * be pulled or a NAT outage, fire it), no running tasks (Container Insights only), unhealthy hosts,
 * load balancer 5xx, database CPU on the writer; plus, when the stack has them, the NAT instance's
 * status check and certificate expiry. {@link AlarmLevel#FULL} adds task CPU and memory, target 5xx,
 * p95 latency, writer connections and freeable memory, free storage (RDS instances only), ACU
 * utilization (Aurora Serverless only) and healthy hosts of extra target groups (the metrics service).
 * Missing data counts as breaching where silence means nothing runs (running tasks, healthy hosts,
 * an instance status check); everywhere else silence means no traffic or a paused database.
 */
final class AlarmCatalog {

    static final String ECS = "AWS/ECS";
    static final String CONTAINER_INSIGHTS = "ECS/ContainerInsights";
    static final String ALB = "AWS/ApplicationELB";
    static final String RDS = "AWS/RDS";
    static final String EC2 = "AWS/EC2";
    static final String ACM = "AWS/CertificateManager";

    private AlarmCatalog() {
    }

    /**
     * The alarms for a level and database kind, with thresholds from {@code t}. With {@code minTasks} 0 (a service
     * stopped on a schedule) there is no healthy-host alarm: "fewer than 0" never fires; the caller watches the hours
     * the service should run instead (an expression alarm, {@link Observability#addAlarm(MathAlarmSpec)}).
     */
    static List<AlarmSpec> select(AlarmLevel level, DatabaseKind kind, AlarmThresholds t, int minTasks) {
        return all(t, minTasks).stream()
                .filter(spec -> level.includes(spec.level()) && spec.kinds().contains(kind))
                .filter(spec -> minTasks > 0 || !spec.key().equals("healthy-hosts"))
                .toList();
    }

    private static List<AlarmSpec> all(AlarmThresholds t, int minTasks) {
        return List.of(
                alarm("healthy-hosts", "fewer than " + minTasks + " target(s) pass the load balancer health check",
                        TARGET_GROUP, ALB, "HealthyHostCount", "Minimum", BELOW, minTasks, BREACHING, ESSENTIAL, t),
                alarm("running-tasks", "fewer than " + minTasks + " task(s) of the service run",
                        ECS_SERVICE, CONTAINER_INSIGHTS, "RunningTaskCount", "Minimum", BELOW, minTasks, BREACHING, ESSENTIAL, t),
                alarm("unhealthy-hosts", "at least " + t.unhealthyHosts() + " target(s) fail the load balancer health check",
                        TARGET_GROUP, ALB, "UnHealthyHostCount", "Maximum", AT_LEAST, t.unhealthyHosts(), NOT_BREACHING, ESSENTIAL, t),
                alarm("alb-5xx", "the load balancer returned more than " + t.alb5xxPer5Min() + " 5xx responses in 5 minutes",
                        LOAD_BALANCER, ALB, "HTTPCode_ELB_5XX_Count", "Sum", ABOVE, t.alb5xxPer5Min(), NOT_BREACHING, ESSENTIAL, t),
                alarm("db-cpu", "database (writer) CPU is above " + n(t.dbCpuPercent()) + "%",
                        DATABASE_WRITER, RDS, "CPUUtilization", "Average", ABOVE, t.dbCpuPercent(), NOT_BREACHING, ESSENTIAL, t),
                alarm("ecs-cpu", "service CPU is above " + n(t.ecsCpuPercent()) + "%",
                        ECS_SERVICE, ECS, "CPUUtilization", "Average", ABOVE, t.ecsCpuPercent(), NOT_BREACHING, FULL, t),
                alarm("ecs-memory", "service memory is above " + n(t.ecsMemoryPercent()) + "%",
                        ECS_SERVICE, ECS, "MemoryUtilization", "Average", ABOVE, t.ecsMemoryPercent(), NOT_BREACHING, FULL, t),
                alarm("target-5xx", "the service returned more than " + t.target5xxPer5Min() + " 5xx responses in 5 minutes",
                        TARGET_GROUP, ALB, "HTTPCode_Target_5XX_Count", "Sum", ABOVE, t.target5xxPer5Min(), NOT_BREACHING, FULL, t),
                alarm("p95-latency", "the 95th percentile response time is above " + n(t.p95LatencySeconds()) + " s",
                        TARGET_GROUP, ALB, "TargetResponseTime", "p95", ABOVE, t.p95LatencySeconds(), NOT_BREACHING, FULL, t),
                alarm("db-connections", "more than " + t.dbConnections() + " connections are open on the database (writer)",
                        DATABASE_WRITER, RDS, "DatabaseConnections", "Maximum", ABOVE, t.dbConnections(), NOT_BREACHING, FULL, t),
                alarm("db-freeable-memory", "database (writer) freeable memory is below " + t.dbFreeableMemoryBytes() + " bytes",
                        DATABASE_WRITER, RDS, "FreeableMemory", "Minimum", BELOW, t.dbFreeableMemoryBytes(), NOT_BREACHING, FULL, t),
                alarm("db-free-storage", "database free storage is below " + t.dbFreeStorageBytes() + " bytes",
                        DATABASE, RDS, "FreeStorageSpace", "Minimum", BELOW, t.dbFreeStorageBytes(), NOT_BREACHING, FULL, t)
                        .onlyFor(DatabaseKind.RDS_INSTANCE),
                alarm("db-acu-utilization", "Aurora Serverless capacity is above " + n(t.dbAcuUtilizationPercent()) + "% of the maximum ACUs",
                        DATABASE, RDS, "ACUUtilization", "Average", ABOVE, t.dbAcuUtilizationPercent(), NOT_BREACHING, FULL, t)
                        .onlyFor(DatabaseKind.AURORA_SERVERLESS));
    }

    /**
     * The status check of an EC2 instance the stack depends on (the NAT instance: when it fails,
     * tasks cannot pull images or reach model APIs). {@code StatusCheckFailed} is 1 while the system
     * or the instance check fails; no data means the instance is stopped or gone, which alarms unless a schedule
     * stops it ({@code stoppedOnSchedule}: then only a failing check does).
     */
    static AlarmSpec instanceStatus(String label, AlarmThresholds t, boolean stoppedOnSchedule) {
        return stoppedOnSchedule
                ? alarm(label + "-status-check", "the " + label + " instance fails its EC2 status check",
                        EC2_INSTANCE, EC2, "StatusCheckFailed", "Maximum", AT_LEAST, 1, NOT_BREACHING, ESSENTIAL, t)
                : alarm(label + "-status-check", "the " + label + " instance fails its EC2 status check or reports nothing",
                        EC2_INSTANCE, EC2, "StatusCheckFailed", "Maximum", AT_LEAST, 1, BREACHING, ESSENTIAL, t);
    }

    /**
     * An ACM certificate close to expiry. ACM renews the certificates it issues from 60 days before
     * expiry, so fewer than {@code certificateDaysToExpiry} days left means renewal failed (validation
     * record gone) or the certificate is imported (the Client VPN's) and must be replaced by hand.
     * ACM publishes {@code DaysToExpiry} once a day (ACM user guide, "Supported CloudWatch metrics").
     */
    static AlarmSpec certificateExpiry(String label, AlarmThresholds t) {
        return alarm(label + "-certificate-expiry", "the " + label + " certificate expires in fewer than "
                        + t.certificateDaysToExpiry() + " days", CERTIFICATE, ACM, "DaysToExpiry", "Minimum", BELOW,
                t.certificateDaysToExpiry(), NOT_BREACHING, ESSENTIAL, t).daily();
    }

    /** A further target group on the watched load balancer (e.g. the metrics service) has no healthy target. */
    static AlarmSpec targetGroupHealthy(String label, AlarmThresholds t) {
        return alarm(label + "-healthy-hosts", "no target of the " + label + " service passes the load balancer health check",
                TARGET_GROUP, ALB, "HealthyHostCount", "Minimum", BELOW, 1, BREACHING, FULL, t);
    }

    private static AlarmSpec alarm(String key, String meaning, MetricSource source, String namespace, String metric,
                                   String statistic, Comparison comparison, double threshold, MissingData missing,
                                   AlarmLevel level, AlarmThresholds t) {
        return AlarmSpec.of(key, meaning, source, namespace, metric, statistic, comparison, threshold, missing, level)
                .evaluatedOver(t.evaluationPeriods(), AlarmThresholds.PERIOD_SECONDS);
    }

    /** A threshold as people write it: {@code 80}, not {@code 80.0}. */
    private static String n(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
