package io.quire.bench.history;

import io.quire.bench.notebook.Editor;
import io.quire.bench.store.BenchStore;
import io.quire.gateway.QuireSettings;

/**
 * A store holding a notebook with a long history, made by {@link HistoryFiller}, and the editors that can still
 * edit it: {@code probe} edits a cell of the long notebook, {@code other} a cell of a second, two-event notebook.
 *
 * @param store             the store; its owner closes it
 * @param snapshotThreshold the threshold the history was written with ({@link Integer#MAX_VALUE}: no snapshots)
 * @param events            events the long notebook had when filled
 * @param fillEditsPerSecond the rate at which the filler's editors appended the history
 */
public record History(BenchStore store, int snapshotThreshold, long events, Editor probe, Editor other,
                      double fillEditsPerSecond) {

    public boolean hasSnapshots() {
        return snapshotThreshold != Integer.MAX_VALUE;
    }

    public QuireSettings settings() {
        return store.settings(snapshotThreshold);
    }

    /** "snapshot every 1,000 events" or "no snapshots". */
    public String describeSnapshots() {
        return hasSnapshots() ? String.format("snapshot every %,d", snapshotThreshold) : "no snapshots";
    }
}
