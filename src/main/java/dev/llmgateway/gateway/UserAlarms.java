package dev.llmgateway.gateway;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.core.Output;
import dev.llmgateway.components.observability.AlarmLevel;
import dev.llmgateway.components.observability.AlarmSpec.Comparison;
import dev.llmgateway.components.observability.AlarmSpec.MissingData;
import dev.llmgateway.components.observability.AlarmThresholds;
import dev.llmgateway.components.observability.EcsEventPatterns;
import dev.llmgateway.components.observability.MathAlarmSpec;
import dev.llmgateway.components.observability.MathAlarmSpec.Metric;
import dev.llmgateway.components.observability.MetricSource;
import dev.llmgateway.components.observability.Observability;
import dev.llmgateway.gateway.settings.OfficeHoursSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alarms for what users feel, added to the stack's {@link Observability} through its open catalog: a gateway that
 * answers but fails (the share of failed answers, and burn rates of the availability objective), a gateway that is
 * down while it should serve (also with office hours), and one-off database tasks that failed. Every threshold and
 * period carries its reason here; {@code AlarmsTest} checks them.
 */
final class UserAlarms {

    private static final String ALB = "AWS/ApplicationELB";

    /** Share of failed answers (4xx and 5xx) that pages: a whole-gateway failure fails nearly every request. */
    static final double FAILED_SHARE = 0.5;
    /**
     * Requests per 5 minutes below which the failed share is not judged: a handful of requests from one client
     * with a typo would otherwise page at 100 %.
     */
    static final int MIN_REQUESTS_PER_5_MIN = 30;
    /** Periods of 5 minutes the failed share must stay above {@link #FAILED_SHARE}: a quarter of an hour, as the catalog's outage alarms. */
    static final int FAILED_SHARE_PERIODS = 3;

    /**
     * Burn-rate pairs: page when the error budget burns this many times faster than the objective allows over both
     * the long and the short window (Google SRE Workbook, "Alerting on SLOs", multiwindow multi-burn-rate alerts,
     * table 5-8: 14.4x over 1 h with a 5 min check spends 2 % of a 30-day budget; 6x over 6 h with 30 min spends
     * 5 %). The short window makes the alarm reset soon after the burn stops.
     *
     * @param burn        multiple of the allowed error rate
     * @param longSeconds long window
     * @param shortSeconds short window
     */
    record BurnRate(double burn, int longSeconds, int shortSeconds) {
    }

    /** The two pairs that page. */
    static final List<BurnRate> BURN_RATES = List.of(new BurnRate(14.4, 3600, 300), new BurnRate(6, 21600, 1800));

    /**
     * Minutes after the office hours start before a missing gateway pages: the scheduled action fires within its
     * minute, Fargate places and starts the task (image pull included) in a few minutes, the migrate container runs,
     * and the target needs its health-check grace plus two passing checks.
     */
    static final int OFFICE_START_GRACE_MINUTES = 20;

    /** Task-definition families of the one-off tasks each deploy runs (bootstrap the app role, migrate the schema). */
    static final List<String> ONE_OFF_TASKS = List.of("bootstrap", "migrate");

    private UserAlarms() {
    }

    /**
     * Adds the alarms to {@code observability}.
     *
     * @param prefix       the stack's name prefix ({@code llm-<stack>}), which names the one-off task families
     * @param objective    availability objective as a fraction, e.g. 0.999
     * @param hours        the office hours, when the gateway runs only then
     * @param minTasks     tasks that serve while the gateway runs
     * @param loadBalanced whether a load balancer fronts the gateway (its metrics are the ones judged)
     * @param clusterArn   the cluster the one-off tasks run on
     */
    static void add(Observability observability, String prefix, double objective, Optional<OfficeHoursSettings> hours,
                    int minTasks, boolean loadBalanced, Output<String> clusterArn) {
        observability.addEventRule("one-off-task-failed", "a one-off task (" + String.join(", ", ONE_OFF_TASKS)
                        + ") failed to start or a container of it exited non-zero: the deploy stopped before new tasks served",
                clusterArn.applyValue(arn -> EcsEventPatterns.oneOffTaskFailed(arn,
                        ONE_OFF_TASKS.stream().map(task -> prefix + "-" + task).toList())));
        hours.ifPresent(h -> observability.addAlarm(downInHours(OfficeHoursWindow.of(h, OFFICE_START_GRACE_MINUTES),
                minTasks, h, loadBalanced)));
        if (loadBalanced) {
            observability.addAlarm(failedShare());
            burnRate(observability, objective);
        }
    }

    /** Requests the gateway's target group answered, and the load balancer's own 5xx (no target could answer). */
    private static Map<String, Metric> answers() {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put("requests", new Metric(MetricSource.TARGET_GROUP, ALB, "RequestCount", "Sum"));
        metrics.put("target4xx", new Metric(MetricSource.TARGET_GROUP, ALB, "HTTPCode_Target_4XX_Count", "Sum"));
        metrics.put("target5xx", new Metric(MetricSource.TARGET_GROUP, ALB, "HTTPCode_Target_5XX_Count", "Sum"));
        metrics.put("elb5xx", new Metric(MetricSource.LOAD_BALANCER, ALB, "HTTPCode_ELB_5XX_Count", "Sum"));
        return metrics;
    }

    /**
     * All answers: the target group's requests plus the load balancer's 5xx. RequestCount counts only requests for
     * which the load balancer chose a target, so a 503 for want of a healthy target is not in it (ELB user guide,
     * "CloudWatch metrics for your Application Load Balancer", RequestCount).
     */
    private static final String TOTAL = "(FILL(requests,0)+FILL(elb5xx,0))";

    /**
     * The share of 4xx and 5xx answers, judged from {@value #MIN_REQUESTS_PER_5_MIN} requests per 5 minutes. The
     * load balancer's own 4xx are left out: WAF blocks (403) and malformed requests are not the gateway failing.
     * A budget exhausted, a provider key revoked or throttled, a master key rotated under a client: every answer is
     * 4xx, which no 5xx alarm sees.
     */
    static MathAlarmSpec failedShare() {
        String failed = "(FILL(target4xx,0)+FILL(target5xx,0)+FILL(elb5xx,0))";
        return MathAlarmSpec.of("failed-answers", "more than " + pct(FAILED_SHARE) + " of the gateway's answers are 4xx or 5xx for "
                        + FAILED_SHARE_PERIODS * 5 + " minutes (from " + MIN_REQUESTS_PER_5_MIN + " requests per 5 minutes)",
                "IF(" + TOTAL + ">=" + MIN_REQUESTS_PER_5_MIN + "," + failed + "/" + TOTAL + ",0)", answers(),
                Comparison.ABOVE, FAILED_SHARE, MissingData.NOT_BREACHING, AlarmLevel.ESSENTIAL,
                AlarmThresholds.PERIOD_SECONDS, FAILED_SHARE_PERIODS, FAILED_SHARE_PERIODS);
    }

    /**
     * Availability burn rates: the error ratio (5xx from the targets and from the load balancer over all answers)
     * against {@code burn x (1 - objective)} in each window; one composite alarm pages when both windows of a pair burn.
     */
    private static void burnRate(Observability observability, double objective) {
        String ratio = "(FILL(target5xx,0)+FILL(elb5xx,0))/" + TOTAL;
        List<String> pairs = new ArrayList<>();
        List<MetricAlarm> parts = new ArrayList<>();
        for (BurnRate rate : BURN_RATES) {
            List<String> windows = new ArrayList<>();
            for (int seconds : List.of(rate.longSeconds(), rate.shortSeconds())) {
                MathAlarmSpec spec = burnWindow(rate.burn(), seconds, ratio, objective);
                observability.addAlarm(spec).ifPresent(parts::add);
                windows.add("ALARM(\"" + observability.alarmName(spec.key()) + "\")");
            }
            pairs.add("(" + String.join(" AND ", windows) + ")");
        }
        observability.addCompositeAlarm("availability-burn-rate", "the gateway fails more answers than the "
                        + pct(objective) + " availability objective allows, "
                        + BURN_RATES.stream().map(r -> n(r.burn()) + "x over " + window(r.longSeconds()) + " and "
                                + window(r.shortSeconds())).reduce((a, b) -> a + ", or " + b).orElseThrow(),
                AlarmLevel.ESSENTIAL, String.join(" OR ", pairs), parts);
    }

    /** One window of a burn-rate pair: silent, the composite alarm notifies. */
    static MathAlarmSpec burnWindow(double burn, int seconds, String ratio, double objective) {
        return MathAlarmSpec.of("availability-burn-" + window(seconds), "5xx answers exceed " + n(burn)
                        + " times the error budget of " + pct(objective) + " availability over " + window(seconds),
                ratio, answers(), Comparison.ABOVE, burn * (1 - objective), MissingData.NOT_BREACHING,
                AlarmLevel.ESSENTIAL, seconds, 1, 1).silent();
    }

    /**
     * The gateway is down inside the office hours (after a start grace), judged not at all outside them: the
     * catalog's healthy-host alarm cannot know the hours, and with a threshold of 0 it never fired. Behind a load
     * balancer: fewer healthy targets than the minimum. Without one (private access): no task reports CPU, which the
     * service's {@code AWS/ECS CPUUtilization} does every minute for each running task without Container Insights
     * (ECS developer guide, "Amazon ECS CloudWatch metrics"). FILL gives the expression a value for every period even
     * when nothing is published, and that value counts as down.
     */
    static MathAlarmSpec downInHours(OfficeHoursWindow window, int minTasks, OfficeHoursSettings hours, boolean loadBalanced) {
        String series = loadBalanced ? "FILL(healthy,0)" : "FILL(reports,0)";
        int threshold = loadBalanced ? minTasks : 1;
        Map<String, Metric> metrics = loadBalanced
                ? Map.of("healthy", new Metric(MetricSource.TARGET_GROUP, ALB, "HealthyHostCount", "Minimum"))
                : Map.of("reports", new Metric(MetricSource.ECS_SERVICE, "AWS/ECS", "CPUUtilization", "SampleCount"));
        String what = loadBalanced ? "fewer than " + minTasks + " target(s) pass the health check"
                : "no task of the service runs";
        return MathAlarmSpec.of("down-in-hours", what + " during the office hours (" + hours.describe() + ", judged "
                        + window.describe() + ")",
                "IF(" + window.condition(series) + "," + series + "," + threshold + ")", metrics,
                Comparison.BELOW, threshold, MissingData.BREACHING, AlarmLevel.ESSENTIAL,
                AlarmThresholds.PERIOD_SECONDS, AlarmThresholds.DEFAULT_EVALUATION_PERIODS,
                AlarmThresholds.DEFAULT_EVALUATION_PERIODS);
    }

    private static String window(int seconds) {
        return seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds / 60 + "m";
    }

    private static String pct(double fraction) {
        return n(fraction * 100) + "%";
    }

    private static String n(double value) {
        double rounded = Math.round(value * 1000) / 1000.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }
}
