package io.quire.bench.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Durations in nanoseconds; median and p99 (nearest rank) in milliseconds. */
final class Stats {

    private final List<Long> nanos = new ArrayList<>();

    synchronized void add(long n) {
        nanos.add(n);
    }

    synchronized void addAll(long[] ns) {
        for (long n : ns) {
            nanos.add(n);
        }
    }

    synchronized int count() {
        return nanos.size();
    }

    synchronized double percentileMs(double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    double medianMs() {
        return percentileMs(50);
    }

    double p99Ms() {
        return percentileMs(99);
    }

    String summary() {
        return String.format("median %.2f ms, p99 %.2f ms (n=%d)", medianMs(), p99Ms(), count());
    }
}
