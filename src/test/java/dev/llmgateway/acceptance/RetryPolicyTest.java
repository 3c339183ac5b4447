package dev.llmgateway.acceptance;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    /** A clock that only moves when the fake sleeper sleeps. */
    private static final class FakeTime extends Clock {
        private Instant now = Instant.parse("2026-11-30T00:00:00Z");
        private final List<Duration> sleeps = new ArrayList<>();

        void sleep(Duration pause) {
            sleeps.add(pause);
            now = now.plus(pause);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(20));

    @Test
    void pausesDoubleFromTheInitialDelayUpToTheCap() {
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(20)),
                List.of(policy.delayAfter(1), policy.delayAfter(2), policy.delayAfter(3), policy.delayAfter(4)));
    }

    @Test
    void returnsAsSoonAsAnAttemptSucceedsAndCountsExceptionsAsFailedAttempts() {
        FakeTime time = new FakeTime();
        AtomicInteger calls = new AtomicInteger();
        String result = policy.until("ready", () -> {
            int n = calls.incrementAndGet();
            if (n == 1) {
                throw new IllegalStateException("connection refused");
            }
            return n == 3 ? Optional.of("up") : Optional.empty();
        }, time, time::sleep);
        assertEquals("up", result);
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(10)), time.sleeps);
    }

    @Test
    void givesUpAtTheDeadlineWithoutSleepingPastItAndSaysWhatFailedLast() {
        FakeTime time = new FakeTime();
        AssertionError error = assertThrows(AssertionError.class, () -> policy.until("gateway readiness",
                () -> { throw new IllegalStateException("503 from /health/readiness"); }, time, time::sleep));
        assertEquals(Duration.ofSeconds(60), time.sleeps.stream().reduce(Duration.ZERO, Duration::plus), "stops exactly at the timeout");
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(5)),
                time.sleeps, "the last pause is cut to the deadline");
        assertTrue(error.getMessage().contains("gateway readiness did not happen within PT1M (6 attempts")
                && error.getMessage().contains("503 from /health/readiness"), error.getMessage());
    }

    @Test
    void nonsensePoliciesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1)));
    }

    @Test
    void theGatewayGetsTheStartUpTimeMigrationsNeed() {
        assertTrue(RetryPolicy.GATEWAY_START.timeout().compareTo(Duration.ofSeconds(300)) > 0, "beyond the usual 300 s grace period");
        assertTrue(RetryPolicy.SPEND_WRITE.timeout().compareTo(Duration.ofSeconds(60)) > 0, "beyond one batch write interval");
    }
}
