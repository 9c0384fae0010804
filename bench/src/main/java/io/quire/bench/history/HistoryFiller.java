package io.quire.bench.history;

import io.quire.bench.Parallel;
import io.quire.bench.Progress;
import io.quire.bench.notebook.Editor;
import io.quire.bench.store.BenchStore;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.Kernelspec;
import io.quire.domain.notebook.command.CreateNotebook;
import io.quire.domain.notebook.command.InsertCell;
import io.quire.gateway.Quire;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a notebook with a long history the way users would: through the command gateway, as single-cell edits
 * by several editors at once, so that every event is one the real aggregate decided (and, with a threshold,
 * snapshots are taken by Quire's own trigger as they would be in production).
 *
 * <p>The notebook: created empty, one cell per editor plus a "probe" cell, then edits until it has the requested
 * number of events. A second notebook of two events is written beside it (see {@link LoadTime}).
 */
public final class HistoryFiller {

    private static final Kernelspec PYTHON = new Kernelspec("python3", "Python 3", "python");
    private static final Duration CATCH_UP = Duration.ofMinutes(10);

    private final int editors;

    public HistoryFiller(int editors) {
        this.editors = editors;
    }

    /**
     * @param snapshotThreshold the node's threshold; {@link Integer#MAX_VALUE} writes no snapshots at all
     * @throws IllegalStateException when the store does (not) hold a snapshot afterwards, against the threshold
     */
    public History fill(BenchStore store, int snapshotThreshold, int events) throws Exception {
        try (Quire node = Quire.start(store.settings(snapshotThreshold), false)) {
            CommandGateway commands = node.commands();
            String notebookId = UUID.randomUUID().toString();
            commands.sendAndWait(new CreateNotebook(notebookId, "bench/long-history.ipynb", PYTHON, "bench"));
            insertCell(commands, notebookId, "probe");
            for (int i = 0; i < editors; i++) {
                insertCell(commands, notebookId, "typed-" + i);
            }
            String otherId = UUID.randomUUID().toString();
            commands.sendAndWait(new CreateNotebook(otherId, "bench/other.ipynb", PYTHON, "bench"));
            insertCell(commands, otherId, "probe");

            AtomicLong remaining = new AtomicLong(events - 2L - editors);
            long start = System.nanoTime();
            Parallel.run("filler", editors, i -> () -> {
                Editor editor = new Editor(notebookId, "typed-" + i, 0, 0, "filler-" + i);
                while (remaining.getAndDecrement() > 0) {
                    editor.edit(commands);
                }
                return null;
            });
            double rate = (events - 2L - editors) / ((System.nanoTime() - start) / 1e9);
            node.awaitProjections(CATCH_UP);
            boolean snapshotted = node.latestSnapshot(notebookId).isPresent();
            History history = new History(store, snapshotThreshold, events,
                    new Editor(notebookId, "probe", 0, 0, "probe"), new Editor(otherId, "probe", 0, 0, "probe"), rate);
            if (snapshotted != history.hasSnapshots()) {
                throw new IllegalStateException("expected " + history.describeSnapshots() + " but the store "
                        + (snapshotted ? "has a snapshot" : "has none"));
            }
            Progress.say(store.engine(), "history", "%,d events written (%s) at %,.0f edits/s by %d editors",
                    events, history.describeSnapshots(), rate, editors);
            return history;
        }
    }

    private static void insertCell(CommandGateway commands, String notebookId, String cellId) {
        commands.sendAndWait(new InsertCell(notebookId, cellId, null, CellType.CODE, "", "bench"));
    }
}
