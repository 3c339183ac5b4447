package dev.llmgateway.components.support;

import java.util.List;

/** The retention periods CloudWatch Logs accepts ({@code PutRetentionPolicy}), in days. */
public final class LogRetention {

    /** Accepted values, ascending. */
    public static final List<Integer> DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
            731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private LogRetention() {
    }

    /** Whether CloudWatch Logs accepts {@code days}. */
    public static boolean accepts(int days) {
        return DAYS.contains(days);
    }
}
