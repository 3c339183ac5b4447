package dev.llmgateway.components.observability;

import java.util.EnumSet;
import java.util.Set;

/**
 * One alarm as data: which metric, how it is aggregated, where it fires, how missing data counts,
 * at which {@link AlarmLevel} it exists and for which database kinds. {@link AlarmCatalog} holds the
 * list; {@link Observability} turns each entry into a {@code MetricAlarm} in one loop.
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
record AlarmSpec(String key, String description, MetricSource source, String namespace, String metric,
                 String statistic, Comparison comparison, double threshold, MissingData missingData,
                 AlarmLevel level, Set<DatabaseKind> kinds, int periodSeconds, int evaluationPeriods) {

    /** Direction of a threshold, with the CloudWatch operator it maps to. */
    enum Comparison {
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
    enum MissingData {
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
    AlarmSpec onlyFor(DatabaseKind first, DatabaseKind... rest) {
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
