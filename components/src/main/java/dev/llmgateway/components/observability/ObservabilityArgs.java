package dev.llmgateway.components.observability;

import com.pulumi.core.Output;
import dev.llmgateway.components.support.ComponentArgs;
import dev.llmgateway.components.support.Reject;
import io.soabase.recordbuilder.core.RecordBuilder.Initializer;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Inputs of {@link Observability}: where notifications go, how many alarms, and the plain names and dimensions of
 * the watched ECS service, load balancer, target group and database (so this component depends on no other
 * component); build with {@link #builder()}. Labels of {@code instances}, {@code certificates} and
 * {@code targetGroups} are 1 to 31 lower-case letters, digits or {@code -}, starting with a letter; they name an
 * alarm, and alarms on them exist in label order.
 *
 * @param kmsKeyArn             customer-managed KMS key that encrypts the SNS alarm topic; required
 * @param alarmEmails           e-mail addresses subscribed to the alarm topic, one subscription each; default none
 * @param level                 which alarms to create; default {@link #DEFAULT_LEVEL}
 * @param thresholds            where the alarms fire; default {@link #DEFAULT_THRESHOLDS}
 * @param clusterName           name of the ECS cluster running the service; required
 * @param clusterArn            ARN of the ECS cluster; EventBridge publishes its failed service deployments (circuit
 *                              breaker) and tasks that failed to start or whose essential container exited; required
 * @param serviceName           name of the ECS service; required
 * @param minTasks              fewest running tasks that is healthy, at least 0; default {@value #DEFAULT_MIN_TASKS}.
 *                              The healthy-hosts alarm fires when fewer targets pass the load balancer's health check,
 *                              the running-tasks alarm (only with Container Insights) when fewer tasks run; with 0 (a
 *                              service scaled to zero outside office hours) there is no running-task alarm
 * @param loadBalancerArnSuffix ARN suffix of the application load balancer ({@code app/<name>/<id>}); with the target
 *                              group's, or neither for a service without a load balancer (then no load balancer alarms
 *                              or graphs)
 * @param targetGroupArnSuffix  ARN suffix of the service's target group ({@code targetgroup/<name>/<id>}); see the load
 *                              balancer's
 * @param databaseDimensions    CloudWatch dimensions of the database metrics: {@code DBClusterIdentifier} for Aurora
 *                              (cluster-level metrics), {@code DBInstanceIdentifier} for an RDS instance; required
 * @param databaseKind          kind of database, which decides which database alarms exist; required
 * @param dashboard             whether to create a CloudWatch dashboard ($3 per month); default
 *                              {@value #DEFAULT_DASHBOARD}
 * @param containerInsights     whether the cluster has Container Insights; without it the running-task alarm is left
 *                              out (its metric would be missing and read as breaching); default
 *                              {@value #DEFAULT_CONTAINER_INSIGHTS}
 * @param region                region of the watched resources, e.g. {@code us-east-1} (dashboard widgets name it);
 *                              required
 * @param instances             EC2 instances whose status check is watched, by label (e.g. {@code nat}): alarm
 *                              {@code <name>-<label>-status-check}, at every level; default none
 * @param stoppedOnSchedule     labels of {@code instances} a schedule stops (office hours): a stopped instance reports
 *                              nothing, so for them no data does not alarm, only a failing check; default none
 * @param certificates          ACM certificates whose days to expiry are watched, by label (e.g. {@code alb}): alarm
 *                              {@code <name>-<label>-certificate-expiry}, at every level; default none
 * @param targetGroups          further target groups on the same load balancer, by label (e.g. {@code metrics}), as
 *                              ARN suffixes: alarm {@code <name>-<label>-healthy-hosts} when none of its targets is
 *                              healthy, at level FULL; default none
 * @param webAclName            the regional WAF web ACL in front of the load balancer: the dashboard graphs its blocked
 *                              and allowed requests (a panel, not an alarm: blocks are mostly WAF doing its job);
 *                              default none
 */
@ComponentArgs
public record ObservabilityArgs(Output<String> kmsKeyArn,
                                List<String> alarmEmails,
                                @Initializer("DEFAULT_LEVEL") AlarmLevel level,
                                @Initializer("DEFAULT_THRESHOLDS") AlarmThresholds thresholds,
                                Output<String> clusterName,
                                Output<String> clusterArn,
                                Output<String> serviceName,
                                @Initializer("DEFAULT_MIN_TASKS") int minTasks,
                                Optional<Output<String>> loadBalancerArnSuffix,
                                Optional<Output<String>> targetGroupArnSuffix,
                                Output<Map<String, String>> databaseDimensions,
                                DatabaseKind databaseKind,
                                @Initializer("DEFAULT_DASHBOARD") boolean dashboard,
                                @Initializer("DEFAULT_CONTAINER_INSIGHTS") boolean containerInsights,
                                String region,
                                Map<String, Output<String>> instances,
                                Set<String> stoppedOnSchedule,
                                Map<String, Output<String>> certificates,
                                Map<String, Output<String>> targetGroups,
                                Optional<Output<String>> webAclName) {

    /** What {@code alarmEmails} accepts: name@domain.tld (SNS e-mail subscriptions need a deliverable address). */
    public static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** Default level: every alarm, since a component asked to watch a service should watch all of it. */
    public static final AlarmLevel DEFAULT_LEVEL = AlarmLevel.FULL;
    /** Default thresholds: those of the reference designs, listed on {@link AlarmThresholds}. */
    public static final AlarmThresholds DEFAULT_THRESHOLDS = AlarmThresholds.defaults();
    /** Default fewest healthy tasks: one, so a service with no task running alarms. */
    public static final int DEFAULT_MIN_TASKS = 1;
    /** A dashboard is created unless left out to save its monthly cost. */
    public static final boolean DEFAULT_DASHBOARD = true;
    /** Clusters are assumed to publish Container Insights metrics (the running-task alarm reads them). */
    public static final boolean DEFAULT_CONTAINER_INSIGHTS = true;
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    /** Checks every input; messages name the input and what is allowed. */
    public ObservabilityArgs {
        required("kmsKeyArn", kmsKeyArn);
        required("clusterName", clusterName);
        required("clusterArn", clusterArn);
        required("serviceName", serviceName);
        Reject.when(loadBalancerArnSuffix.isPresent() != targetGroupArnSuffix.isPresent(),
                "loadBalancerArnSuffix and targetGroupArnSuffix: give both or neither");
        required("databaseDimensions", databaseDimensions);
        required("databaseKind", databaseKind);
        required("region", region);
        required("level", level);
        required("thresholds", thresholds);
        Reject.when(!REGION.matcher(region).matches(),
                "region: '" + region + "' is not an AWS region name (e.g. us-east-1)");
        Reject.when(minTasks < 0,
                "minTasks: " + minTasks
                + " must be at least 0 (the alarm fires when fewer tasks run; 0 = no such alarm)");
        checkEmails(alarmEmails);
        alarmEmails = List.copyOf(alarmEmails);
        instances = byLabel(instances);
        Set<String> labels = instances.keySet();
        Reject.when(!labels.containsAll(stoppedOnSchedule),
                "stoppedOnSchedule: " + stoppedOnSchedule + " must name labels of instances " + labels);
        stoppedOnSchedule = Set.copyOf(stoppedOnSchedule);
        certificates = byLabel(certificates);
        targetGroups = byLabel(targetGroups);
    }

    /** Starts a builder with the defaults. */
    public static ObservabilityArgsBuilder builder() {
        return ObservabilityArgsBuilder.builder();
    }

    private static void checkEmails(List<String> emails) {
        Set<String> seen = new HashSet<>();
        for (String email : emails) {
            Reject.when(email == null || !EMAIL.matcher(email).matches(),
                    "alarmEmails: '" + email
                    + "' is not an e-mail address (expected name@domain.tld)");
            Reject.when(!seen.add(email.toLowerCase(Locale.ROOT)), "alarmEmails: '" + email + "' is listed twice");
        }
    }

    /** The watched resources in label order, each label checked. */
    private static Map<String, Output<String>> byLabel(Map<String, Output<String>> watched) {
        watched.keySet().forEach(label -> {
            Reject.when(label == null || !label.matches("[a-z][a-z0-9-]{0,30}"),
                    "label: '" + label
                    + "' must be 1 to 31 lower-case letters, digits or '-', starting with a letter (it names an alarm)");
        });
        return Collections.unmodifiableMap(new TreeMap<>(watched));
    }

    private static void required(String field, Object value) {
        Reject.when(value == null, "ObservabilityArgs." + field + " is required");
    }
}
