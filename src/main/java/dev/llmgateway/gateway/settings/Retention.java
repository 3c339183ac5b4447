package dev.llmgateway.gateway.settings;

import java.util.List;

/** CloudWatch Logs retention periods: only these values are accepted by AWS. */
final class Retention {

    /** Values {@code retentionInDays} accepts (CloudWatch Logs PutRetentionPolicy). */
    static final List<Integer> ALLOWED = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
            731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private Retention() {
    }

    /** A retention in days that CloudWatch accepts. */
    static int days(SettingsReader r, String key, int fallback) {
        int days = r.integer(key, fallback, Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (!ALLOWED.contains(days)) {
            throw r.invalid(key, days, "a positive CloudWatch Logs retention: one of " + ALLOWED);
        }
        return days;
    }
}
