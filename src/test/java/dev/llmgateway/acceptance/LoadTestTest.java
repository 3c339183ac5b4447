package dev.llmgateway.acceptance;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadTestTest {

    @Test
    void percentilesUseTheNearestRank() {
        List<Double> sorted = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0,
                11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0, 19.0, 100.0);
        assertEquals(10.0, LoadStats.percentile(sorted, 50));
        assertEquals(19.0, LoadStats.percentile(sorted, 95));
        assertEquals(100.0, LoadStats.percentile(sorted, 100));
        assertEquals(7.0, LoadStats.percentile(List.of(7.0), 95));
        assertTrue(Double.isNaN(LoadStats.percentile(List.of(), 50)));
    }

    @Test
    void requestsPerSecondCountOnlySuccessesOverWallTime() {
        LoadStats stats = LoadStats.of(4, Duration.ofSeconds(10), List.of(30.0, 10.0, 20.0, 40.0), 1);
        assertEquals(0.4, stats.requestsPerSecond(), 1e-9);
        assertEquals(0.2, stats.errorRate(), 1e-9);
        assertEquals(20.0, stats.p50Millis());
        assertEquals(40.0, stats.p95Millis());
        assertEquals("4 clients for 10s: 4 ok, 1 failed (20.0%), 0.4 requests/s, p50 20.0 ms, p95 40.0 ms", stats.summary());
    }

    @Test
    void theLoadTestStopsByItselfAndCountsErrorsAsFailures() throws InterruptedException {
        AtomicInteger sent = new AtomicInteger();
        LoadStats stats = new LoadTest(3, Duration.ofMillis(200)).run(() -> {
            Thread.sleep(5);
            if (sent.incrementAndGet() % 4 == 0) {
                throw new java.io.IOException("connection reset");
            }
            return true;
        });
        assertTrue(stats.elapsed().compareTo(Duration.ofMillis(200)) >= 0 && stats.elapsed().compareTo(Duration.ofSeconds(5)) < 0,
                "bounded: " + stats.elapsed());
        assertEquals(sent.get(), stats.succeeded() + stats.failed());
        assertEquals(sent.get() / 4, stats.failed());
        assertTrue(stats.p50Millis() >= 5, "latency of a 5 ms request: " + stats.p50Millis());
    }

    @Test
    void unboundedLoadTestsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LoadTest(0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new LoadTest(8, Duration.ofMinutes(10)));
        assertThrows(IllegalArgumentException.class, () -> new LoadTest(65, Duration.ofSeconds(1)));
    }
}
