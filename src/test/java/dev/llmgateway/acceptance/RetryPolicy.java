package dev.llmgateway.acceptance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits for something to become true with exponential back-off, up to a deadline: a fresh ECS
 * service needs minutes (image pull, migrations; the service gives tasks a 300 s health-check grace period),
 * and spend logs are written in batches ({@code proxy_batch_write_at}, 60 s here).
 *
 * @param timeout      give up after this long
 * @param initialDelay first pause between attempts
 * @param maxDelay     longest pause between attempts
 */
record RetryPolicy(Duration timeout, Duration initialDelay, Duration maxDelay) {

    /** How long the test waits for a new gateway to answer readiness. */
    static final RetryPolicy GATEWAY_START = new RetryPolicy(Duration.ofMinutes(15), Duration.ofSeconds(5), Duration.ofSeconds(30));
    /** How long the test waits for a spend record (batch writes every 60 s). */
    static final RetryPolicy SPEND_WRITE = new RetryPolicy(Duration.ofMinutes(4), Duration.ofSeconds(10), Duration.ofSeconds(30));

    /** Pauses the caller; replaced in unit tests. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    RetryPolicy {
        if (timeout.isNegative() || initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("RetryPolicy needs timeout >= 0 and 0 < initialDelay <= maxDelay");
        }
    }

    /** The pause after attempt {@code attempt} (1-based): doubling from the initial delay, capped. */
    Duration delayAfter(int attempt) {
        Duration delay = initialDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** Retries {@code attempt} until it returns a value or the policy runs out. */
    <T> T until(String what, Supplier<Optional<T>> attempt) {
        return until(what, attempt, Clock.systemUTC(), pause -> Thread.sleep(pause.toMillis()));
    }

    /**
     * Calls {@code attempt} until it returns a value; exceptions count as a failed attempt. Never sleeps
     * past the deadline. Throws {@link AssertionError} naming {@code what}, the number of attempts and the
     * last failure.
     */
    <T> T until(String what, Supplier<Optional<T>> attempt, Clock clock, Sleeper sleeper) {
        Instant deadline = clock.instant().plus(timeout);
        List<String> failures = new ArrayList<>();
        for (int n = 1; ; n++) {
            try {
                Optional<T> result = attempt.get();
                if (result.isPresent()) {
                    return result.get();
                }
                failures.add("attempt " + n + ": not yet");
            } catch (RuntimeException e) {
                failures.add("attempt " + n + ": " + e);
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new AssertionError(what + " did not happen within " + timeout + " (" + n + " attempts; last "
                        + failures.get(failures.size() - 1) + ")");
            }
            Duration pause = delayAfter(n);
            try {
                sleeper.sleep(pause.compareTo(left) > 0 ? left : pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(what + ": interrupted", e);
            }
        }
    }
}
