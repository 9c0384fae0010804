package io.quire.bench.history;

import io.quire.bench.notebook.Editor;
import io.quire.bench.store.BenchStore;
import io.quire.gateway.QuireSettings;

import java.util.List;

/**
 * A store holding a notebook with a long history, made by {@link HistoryFiller}, and the editors that can go on
 * editing it: the {@code typists} wrote the history (one cell each), {@code probe} edits another cell of that
 * notebook, {@code other} a cell of a second, two-event notebook (see {@link LoadTime}).
 *
 * @param store             the store; its owner closes it
 * @param snapshotThreshold the threshold nodes on this store run with ({@link #NO_SNAPSHOTS}: none are taken)
 * @param events            events of the long notebook when it was written
 * @param writeRate         edits per second at which it was written
 */
public record History(BenchStore store, int snapshotThreshold, long events, List<Editor> typists, Editor probe,
                      Editor other, double writeRate) {

    /** A threshold no notebook reaches: nodes with it never take a snapshot. */
    public static final int NO_SNAPSHOTS = Integer.MAX_VALUE;

    public boolean hasSnapshots() {
        return snapshotThreshold != NO_SNAPSHOTS;
    }

    public QuireSettings settings() {
        return store.settings(snapshotThreshold);
    }

    /** "snapshot every 1,000" or "no snapshots". */
    public String describeSnapshots() {
        return hasSnapshots() ? String.format("snapshot every %,d", snapshotThreshold) : "no snapshots";
    }

    /** The same history in a copy of the store, with editors of its own, run with another threshold. */
    History copyTo(BenchStore copy, int threshold) {
        return new History(copy, threshold, events, typists.stream().map(Editor::copy).toList(), probe.copy(),
                other.copy(), writeRate);
    }
}
