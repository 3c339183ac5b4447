package dev.llmgateway.acceptance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded closed-loop load test: {@code concurrency} clients send requests back to back for a
 * fixed {@code duration}, then stop by themselves (a request in flight at the deadline still
 * finishes, within the request's own timeout).
 *
 * @param concurrency parallel clients (1..64)
 * @param duration    how long clients start new requests (at most 5 minutes)
 */
record LoadTest(int concurrency, Duration duration) {

    /** One request; returns true when it succeeded. Exceptions count as failures. */
    interface Request {
        boolean send() throws Exception;
    }

    LoadTest {
        if (concurrency < 1 || concurrency > 64 || duration.isNegative() || duration.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("LoadTest: concurrency 1..64 and a duration of at most 5 minutes, got "
                    + concurrency + " / " + duration);
        }
    }

    LoadStats run(Request request) throws InterruptedException {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        try {
            for (int i = 0; i < concurrency; i++) {
                clients.execute(() -> {
                    while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
                        long sent = System.nanoTime();
                        boolean ok;
                        try {
                            ok = request.send();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        } catch (Exception e) {
                            ok = false;
                        }
                        if (ok) {
                            latencies.add((System.nanoTime() - sent) / 1e6);
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
            clients.shutdown();
            if (!clients.awaitTermination(duration.toSeconds() + 120, TimeUnit.SECONDS)) {
                clients.shutdownNow();
            }
        } finally {
            clients.shutdownNow();
        }
        return LoadStats.of(concurrency, Duration.ofNanos(System.nanoTime() - start), List.copyOf(latencies), failed.get());
    }
}
