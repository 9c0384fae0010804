package io.quire.bench;

import java.util.Arrays;

/**
 * Durations in nanoseconds, sorted once and read as percentiles (nearest rank). A plain sorted array: exact, and
 * small enough for the few million samples a run takes.
 */
public final class Samples {

    private final long[] sorted;

    private Samples(long[] sorted) {
        this.sorted = sorted;
    }

    /** The samples of several threads, merged. */
    public static Samples of(long[]... parts) {
        long[] all = new long[Arrays.stream(parts).mapToInt(part -> part.length).sum()];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        Arrays.sort(all);
        return new Samples(all);
    }

    public int count() {
        return sorted.length;
    }

    /** The median, in milliseconds. */
    public double medianMillis() {
        return percentileMillis(50);
    }

    /**
     * The smallest sample that at least {@code percent}% of the samples do not exceed, in milliseconds.
     *
     * @throws IllegalStateException when there are no samples
     */
    public double percentileMillis(double percent) {
        if (sorted.length == 0) {
            throw new IllegalStateException("no samples");
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    public double maxMillis() {
        return percentileMillis(100);
    }
}
