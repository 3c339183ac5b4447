package dev.llmgateway.components.proxy;

import java.util.List;

/**
 * A container health check run by ECS inside the container.
 *
 * @param command            the command, e.g. {@code ["CMD", "python", "-c", "..."]}
 * @param intervalSeconds    seconds between checks (5..300)
 * @param timeoutSeconds     seconds before a check fails (2..60)
 * @param retries            failures before unhealthy (1..10)
 * @param startPeriodSeconds grace after start (0..300)
 */
public record HealthCheck(List<String> command, int intervalSeconds, int timeoutSeconds, int retries, int startPeriodSeconds) {

    /** Validates the ranges ECS accepts. */
    public HealthCheck {
        command = List.copyOf(command);
        if (command.isEmpty() || intervalSeconds < 5 || intervalSeconds > 300 || timeoutSeconds < 2 || timeoutSeconds > 60
                || retries < 1 || retries > 10 || startPeriodSeconds < 0 || startPeriodSeconds > 300) {
            throw new IllegalArgumentException("HealthCheck outside ECS limits: " + this);
        }
    }

    /** A check with the usual timings (30 s interval, 5 s timeout, 3 retries) and a start period. */
    public static HealthCheck of(List<String> command, int startPeriodSeconds) {
        return new HealthCheck(command, 30, 5, 3, startPeriodSeconds);
    }
}
