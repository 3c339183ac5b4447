package dev.llmgateway.gateway.settings;

import dev.llmgateway.components.support.LogRetention;

/** Reads log retention settings: only the values CloudWatch Logs accepts. */
final class Retention {

    private Retention() {
    }

    /** A retention in days that CloudWatch accepts. */
    static int days(SettingsReader r, String key) {
        int days = r.integer(key, Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (!LogRetention.accepts(days)) {
            throw r.invalid(key, days, "a positive CloudWatch Logs retention: one of " + LogRetention.DAYS);
        }
        return days;
    }
}
