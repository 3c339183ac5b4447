package dev.llmgateway.acceptance;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a bounded load test measured: successful requests per second and latency percentiles
 * (nearest-rank method) of successful requests.
 *
 * @param concurrency parallel clients
 * @param elapsed     wall time of the run
 * @param succeeded   requests answered 2xx
 * @param failed      requests that failed or answered otherwise
 * @param p50Millis   median latency of successful requests
 * @param p95Millis   95th percentile latency of successful requests
 */
record LoadStats(int concurrency, Duration elapsed, int succeeded, int failed, double p50Millis, double p95Millis) {

    /** Statistics over the latencies (milliseconds) of successful requests. */
    static LoadStats of(int concurrency, Duration elapsed, List<Double> successLatenciesMillis, int failed) {
        List<Double> sorted = successLatenciesMillis.stream().sorted().toList();
        return new LoadStats(concurrency, elapsed, sorted.size(), failed, percentile(sorted, 50), percentile(sorted, 95));
    }

    /** The nearest-rank percentile of sorted values; NaN when there are none. */
    static double percentile(List<Double> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /** Successful requests per second of wall time. */
    double requestsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds == 0 ? 0 : succeeded / seconds;
    }

    /** Share of requests that failed. */
    double errorRate() {
        int total = succeeded + failed;
        return total == 0 ? 0 : (double) failed / total;
    }

    /** One report line. */
    String summary() {
        return String.format(Locale.ROOT, "%d clients for %ds: %d ok, %d failed (%.1f%%), %.1f requests/s, p50 %.1f ms, p95 %.1f ms",
                concurrency, elapsed.toSeconds(), succeeded, failed, 100 * errorRate(), requestsPerSecond(), p50Millis, p95Millis);
    }
}
