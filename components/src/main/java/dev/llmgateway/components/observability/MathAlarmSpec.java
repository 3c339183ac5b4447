package dev.llmgateway.components.observability;

import dev.llmgateway.components.observability.AlarmSpec.Comparison;
import dev.llmgateway.components.observability.AlarmSpec.MissingData;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An alarm on a CloudWatch metric-math expression (a rate, a burn rate, a metric masked to office hours), as
 * data: {@link Observability#addAlarm(MathAlarmSpec)} turns it into a {@code MetricAlarm} with
 * {@code metricQueries}, the metrics' dimensions coming from the component like {@link AlarmSpec}'s.
 * An alarm that only feeds a composite alarm does not notify ({@link #silent()}).
 *
 * @param key               short identifier, suffix of the alarm's name; a slug
 * @param description       what a firing alarm means
 * @param expression        the metric-math expression over the ids of {@code metrics}
 * @param metrics           the metrics the expression reads, by id (lower-case letter first)
 * @param comparison        direction of the threshold
 * @param threshold         threshold on the expression's value
 * @param missingData       how periods without a value count
 * @param level             the lowest alarm level that creates this alarm
 * @param periodSeconds     period of every metric, which is the length of one evaluated value
 * @param evaluationPeriods values evaluated
 * @param datapointsToAlarm breaching values among them that fire the alarm
 * @param notifies          whether the alarm notifies the topic (false for parts of a composite alarm)
 */
public record MathAlarmSpec(String key, String description, String expression, Map<String, Metric> metrics,
                            Comparison comparison, double threshold, MissingData missingData, AlarmLevel level,
                            int periodSeconds, int evaluationPeriods, int datapointsToAlarm, boolean notifies) {

    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ID = Pattern.compile("[a-z][A-Za-z0-9_]*");

    /**
     * One metric an expression reads.
     *
     * @param source    what it describes (decides its dimensions; not {@code CUSTOM}, {@code EC2_INSTANCE},
     *                  {@code CERTIFICATE})
     * @param namespace CloudWatch namespace
     * @param metric    metric name
     * @param statistic statistic, e.g. {@code Sum}
     */
    public record Metric(MetricSource source, String namespace, String metric, String statistic) {
    }

    /** Checks the key, the metric ids, the period and the evaluation counts. */
    public MathAlarmSpec {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("MathAlarmSpec key must be a slug (lower-case letters, digits, single '-'): " + key);
        }
        metrics = new LinkedHashMap<>(metrics);
        metrics.forEach((id, metric) -> {
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("MathAlarmSpec " + key + ": metric id '" + id
                        + "' must start with a lower-case letter (CloudWatch MetricDataQuery Id)");
            }
            if (List.of(MetricSource.CUSTOM, MetricSource.EC2_INSTANCE, MetricSource.CERTIFICATE).contains(metric.source())) {
                throw new IllegalArgumentException("MathAlarmSpec " + key + ": metric " + id + " needs a source whose dimensions the component knows, got "
                        + metric.source());
            }
        });
        // CloudWatch: periods of 10, 30 or a multiple of 60 seconds; an alarm looks back at most one day
        // (PutMetricAlarm: "EvaluationPeriods * Period must be less than or equal to 86400").
        if (periodSeconds < 60 || periodSeconds % 60 != 0 || (long) periodSeconds * evaluationPeriods > 86_400) {
            throw new IllegalArgumentException("MathAlarmSpec " + key + ": period " + periodSeconds + " s x " + evaluationPeriods
                    + " must use a multiple of 60 s and look back at most 86400 s");
        }
        if (datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods) {
            throw new IllegalArgumentException("MathAlarmSpec " + key + ": datapointsToAlarm " + datapointsToAlarm
                    + " must be 1.." + evaluationPeriods);
        }
    }

    /**
     * An alarm that fires when the expression compares to {@code threshold} in {@code datapoints} of the last
     * {@code periods} values of {@code periodSeconds} each, and notifies the topic.
     *
     * @param key        slug, suffix of the alarm's name
     * @param meaning    completes "Fires when ..."
     * @param expression metric-math expression over the metric ids
     * @param metrics    metrics by id
     * @param comparison direction
     * @param threshold  threshold
     * @param missing    how periods without a value count
     * @param level      lowest alarm level that creates it
     * @param periodSeconds length of one value
     * @param periods    values evaluated
     * @param datapoints breaching values that fire it
     */
    public static MathAlarmSpec of(String key, String meaning, String expression, Map<String, Metric> metrics,
                                   Comparison comparison, double threshold, MissingData missing, AlarmLevel level,
                                   int periodSeconds, int periods, int datapoints) {
        return new MathAlarmSpec(key, "Fires when " + meaning + ".", expression, metrics, comparison, threshold, missing,
                level, periodSeconds, periods, datapoints, true);
    }

    /** The same alarm without notifications: a part of a composite alarm, which notifies instead. */
    public MathAlarmSpec silent() {
        return new MathAlarmSpec(key, description, expression, metrics, comparison, threshold, missingData, level,
                periodSeconds, evaluationPeriods, datapointsToAlarm, false);
    }
}
