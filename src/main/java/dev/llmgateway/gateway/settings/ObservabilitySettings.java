package dev.llmgateway.gateway.settings;

import dev.llmgateway.components.observability.AlarmLevel;

import java.util.List;
import dev.llmgateway.components.observability.ObservabilityArgs;
import dev.llmgateway.components.observability.PrometheusMetricsArgs;

/**
 * Logs, alarms and dashboards.
 *
 * @param logRetentionDays      {@code logRetentionDays}: container and database logs
 * @param alarmEmails           {@code alarmEmails}: subscribed to the alarm topic
 * @param alarmLevel            {@code alarmLevel}
 * @param containerInsights     {@code containerInsights}
 * @param dashboard             {@code dashboard}
 * @param cpuAlarmPercent       {@code alarmCpuPercent}
 * @param memoryAlarmPercent    {@code alarmMemoryPercent}
 * @param latencyAlarmSeconds   {@code alarmP95LatencySeconds}
 * @param errorAlarmCount       {@code alarm5xxPer5Min}
 * @param metricsRetentionDays  {@code metricsRetentionDays}: samples VictoriaMetrics keeps (prometheus metrics)
 * @param availabilityObjective {@code availabilityObjective}: percent of answers that must not fail (5xx), judged by
 *                              burn-rate alarms
 */
public record ObservabilitySettings(int logRetentionDays, List<String> alarmEmails, AlarmLevel alarmLevel,
                                    boolean containerInsights, boolean dashboard, int cpuAlarmPercent,
                                    int memoryAlarmPercent, int latencyAlarmSeconds, int errorAlarmCount,
                                    int metricsRetentionDays, double availabilityObjective) {

    /** Reads and validates the observability settings. */
    public static ObservabilitySettings read(SettingsReader r) {
        List<String> emails = r.list("alarmEmails");
        emails.stream().filter(e -> !ObservabilityArgs.EMAIL.matcher(e).matches()).findFirst().ifPresent(bad -> {
            throw r.invalid("alarmEmails", bad, "e-mail addresses such as oncall@example.com");
        });
        if (emails.stream().map(e -> e.toLowerCase(java.util.Locale.ROOT)).distinct().count() < emails.size()) {
            throw r.invalid("alarmEmails", emails, "each address once (SNS would subscribe it twice)");
        }
        return new ObservabilitySettings(
                Retention.days(r, "logRetentionDays"),
                emails,
                r.choice("alarmLevel", AlarmLevel.class),
                r.bool("containerInsights"),
                r.bool("dashboard"),
                r.integer("alarmCpuPercent", 1, 100),
                r.integer("alarmMemoryPercent", 1, 100),
                r.integer("alarmP95LatencySeconds", 1, 3600),
                r.integer("alarm5xxPer5Min", 1, 1_000_000),
                r.integer("metricsRetentionDays", 1, PrometheusMetricsArgs.MAX_RETENTION_DAYS),
                // Below 90 % a burn rate of 14.4 would allow more than every answer to fail; 99.99 % leaves a budget
                // of 4 minutes a month, less than one alarm period.
                r.decimal("availabilityObjective", 90, 99.99));
    }
}
