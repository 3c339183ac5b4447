package dev.llmgateway.components.observability;

import java.util.EnumSet;
import java.util.Set;

/**
 * One alarm as data: which metric, how it is aggregated, where it fires, how missing data counts,
 * at which {@link AlarmLevel} it exists and for which database kinds. {@link AlarmCatalog} holds the
 * built-in list; {@link Observability} turns each entry into a {@code MetricAlarm} in one loop, and callers
 * add their own with {@link #of} and {@link Observability#addAlarm}.
 *
 * @param key         short identifier, suffix of the alarm's name (e.g. {@code db-cpu})
 * @param description what a firing alarm means, for the notification e-mail
 * @param source      what the metric describes (decides the dimensions)
 * @param namespace   CloudWatch namespace, e.g. {@code AWS/ApplicationELB}
 * @param metric      metric name, e.g. {@code TargetResponseTime}
 * @param statistic   {@code Average}, {@code Sum}, {@code Minimum}, {@code Maximum}, or a percentile such as {@code p95}
 * @param comparison  direction of the threshold
 * @param threshold   the threshold in the metric's unit
 * @param missingData how periods without data count
 * @param level       the lowest alarm level that creates this alarm
 * @param kinds       database kinds for which the metric exists
 * @param periodSeconds      length of one evaluated period (metrics published daily need 86400)
 * @param evaluationPeriods  breaching periods in a row before the alarm fires
 */
public record AlarmSpec(String key, String description, MetricSource source, String namespace, String metric,
                 String statistic, Comparison comparison, double threshold, MissingData missingData,
                 AlarmLevel level, Set<DatabaseKind> kinds, int periodSeconds, int evaluationPeriods) {

    /**
     * An alarm that fires when the metric compares to {@code threshold} for {@link AlarmThresholds#DEFAULT_EVALUATION_PERIODS}
     * periods of {@link AlarmThresholds#PERIOD_SECONDS} seconds, for every database kind.
     *
     * @param key        short identifier, suffix of the alarm's name; a slug
     * @param meaning    what a firing alarm means, completing "Fires when ..."
     * @param source     what the metric describes: the component knows its dimensions, or the caller gives them
     * @param namespace  CloudWatch namespace
     * @param metric     metric name
     * @param statistic  statistic or percentile
     * @param comparison direction
     * @param threshold  threshold
     * @param missing    how periods without data count
     * @param level      lowest alarm level that creates it
     */
    public static AlarmSpec of(String key, String meaning, MetricSource source, String namespace, String metric,
                               String statistic, Comparison comparison, double threshold, MissingData missing,
                               AlarmLevel level) {
        if (!key.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("AlarmSpec key must be a slug (lower-case letters, digits, single '-'): " + key);
        }
        return new AlarmSpec(key, "Fires when " + meaning + ".", source, namespace, metric, statistic, comparison,
                threshold, missing, level, EnumSet.allOf(DatabaseKind.class), AlarmThresholds.PERIOD_SECONDS,
                AlarmThresholds.DEFAULT_EVALUATION_PERIODS);
    }

    /** The same alarm, evaluated over {@code periods} periods of {@code seconds} seconds. */
    public AlarmSpec evaluatedOver(int periods, int seconds) {
        return new AlarmSpec(key, description, source, namespace, metric, statistic, comparison, threshold,
                missingData, level, kinds, seconds, periods);
    }

    /** Direction of a threshold, with the CloudWatch operator it maps to. */
    public enum Comparison {
        /** Fires when the metric is above the threshold. */
        ABOVE("GreaterThanThreshold"),
        /** Fires when the metric is at or above the threshold. */
        AT_LEAST("GreaterThanOrEqualToThreshold"),
        /** Fires when the metric is below the threshold. */
        BELOW("LessThanThreshold");

        private final String operator;

        Comparison(String operator) {
            this.operator = operator;
        }

        /** The CloudWatch {@code comparisonOperator}. */
        String operator() {
            return operator;
        }
    }

    /** How periods without data count, with the CloudWatch {@code treatMissingData} value. */
    public enum MissingData {
        /** No data is a failure: used where silence means nothing is running. */
        BREACHING("breaching"),
        /** No data is fine: no traffic means no errors, a paused database uses nothing. */
        NOT_BREACHING("notBreaching");

        private final String value;

        MissingData(String value) {
            this.value = value;
        }

        /** The CloudWatch {@code treatMissingData} value. */
        String value() {
            return value;
        }
    }

    /** The same alarm, restricted to the given database kinds. */
    public AlarmSpec onlyFor(DatabaseKind first, DatabaseKind... rest) {
        return new AlarmSpec(key, description, source, namespace, metric, statistic, comparison, threshold,
                missingData, level, EnumSet.of(first, rest), periodSeconds, evaluationPeriods);
    }

    /** The same alarm evaluated once a day, for metrics AWS publishes daily (ACM's DaysToExpiry). */
    AlarmSpec daily() {
        return new AlarmSpec(key, description, source, namespace, metric, statistic, comparison, threshold,
                missingData, level, kinds, 86_400, 1);
    }

    /** Whether the statistic is a percentile ({@code extendedStatistic}) rather than a plain statistic. */
    boolean isPercentile() {
        return statistic.matches("p\\d+(\\.\\d+)?");
    }
}
