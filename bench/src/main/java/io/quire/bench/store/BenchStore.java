package io.quire.bench.store;

import io.quire.gateway.QuireSettings;

/**
 * A fresh, empty event store made for one benchmark case, removed again by {@link #close()}. Each case gets its own
 * so that no case sees another's events, snapshots or cached pages.
 *
 * <p>Threads: any thread; the byte counters may be read while a node writes to the store.
 */
public interface BenchStore extends AutoCloseable {

    /** Which database this is: "h2" or "postgres". */
    String engine();

    /** Settings for a node on this store. */
    QuireSettings settings(int snapshotThreshold);

    /** The logical size of what the store holds now, read with SQL; see {@link StoredBytes}. */
    StoredBytes storedBytes();

    /**
     * A counter of the bytes the database has physically written so far; only differences mean something. See
     * {@link #physicalWritesMeaning()} for what it counts.
     */
    long physicalBytesWritten();

    /** What {@link #physicalBytesWritten()} counts, for the report. */
    String physicalWritesMeaning();

    /**
     * A new store holding exactly what this one holds (a file copy, or a PostgreSQL template copy). No node may be
     * running on this store meanwhile.
     *
     * @param purpose a short word naming the case, part of the new store's name
     */
    BenchStore copy(String purpose);

    /** Removes the store (files or database). No node may still be running on it. */
    @Override
    void close();
}
