package ir.hotline137.benchmarks;

import java.util.Arrays;

/** Individual timings of one operation, kept whole so that percentiles are exact rather than estimated. */
final class Latencies {
    private long[] nanos;
    private int count;

    Latencies(int expected) {
        nanos = new long[Math.max(16, expected)];
    }

    void add(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            add(other.nanos[i]);
        }
    }

    int count() {
        return count;
    }

    /** Nearest-rank percentile, so p99 of 5,000 samples is a time that really occurred. */
    double percentileMillis(double percent) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * count);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    double meanMillis() {
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += nanos[i];
        }
        return count == 0 ? Double.NaN : total / 1e6 / count;
    }

    /** For waits measured in tens or hundreds of milliseconds, where the worst case matters more than p99. */
    String spread() {
        return String.format("p50 %.0f ms  p95 %.0f ms  max %.0f ms  (n=%d)",
                percentileMillis(50), percentileMillis(95), percentileMillis(100), count);
    }

    String summary() {
        return String.format("p50 %.3f ms  p99 %.3f ms  mean %.3f ms  (n=%d)",
                percentileMillis(50), percentileMillis(99), meanMillis(), count);
    }
}
