package io.quire.bench.history;

import io.quire.bench.Progress;
import io.quire.bench.notebook.Editor;
import io.quire.bench.store.BenchStore;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.Kernelspec;
import io.quire.domain.notebook.command.CreateNotebook;
import io.quire.domain.notebook.command.InsertCell;
import io.quire.gateway.Quire;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes a notebook with a long history through the command gateway, so that every event is one the real Notebook
 * aggregate decided: {@value #CELLS} editors type into a cell each, taking turns, one command after the other, so
 * that the cells end at a few thousand characters (100,000 edits in one cell would make an 80,000-character cell).
 * For speed, {@value #BATCH} commands at a time run inside one outer unit of work, so that they share one aggregate
 * load and one database transaction (Axon nests each command's unit of work in it); each command is still handled,
 * checked and applied on its own.
 *
 * <p>The copy with snapshots is made from the finished store, and Quire's own trigger takes the snapshot (see
 * {@link #withSnapshots}).
 */
public final class HistoryFiller {

    /** Cells the history is typed into. */
    static final int CELLS = 20;

    /** Commands per outer unit of work. */
    static final int BATCH = 1000;

    private static final Kernelspec PYTHON = new Kernelspec("python3", "Python 3", "python");
    private static final Duration CATCH_UP = Duration.ofMinutes(10);

    /**
     * A fresh notebook of {@code events} events (created, {@value #CELLS} + 1 cells, then edits) in {@code store},
     * with no snapshot; beside it, a second notebook of two events.
     */
    public History fill(BenchStore store, int events) throws Exception {
        try (Quire node = Quire.start(store.settings(History.NO_SNAPSHOTS), false)) {
            CommandGateway commands = node.commands();
            String notebookId = UUID.randomUUID().toString();
            commands.sendAndWait(new CreateNotebook(notebookId, "bench/long-history.ipynb", PYTHON, "bench"));
            insertCell(commands, notebookId, "probe");
            List<Editor> typists = new ArrayList<>();
            for (int i = 0; i < CELLS; i++) {
                insertCell(commands, notebookId, "typed-" + i);
                typists.add(new Editor(notebookId, "typed-" + i, 0, 0, "typist-" + i));
            }
            String otherId = UUID.randomUUID().toString();
            commands.sendAndWait(new CreateNotebook(otherId, "bench/other.ipynb", PYTHON, "bench"));
            insertCell(commands, otherId, "probe");

            int edits = events - 2 - CELLS;
            long start = System.nanoTime();
            type(commands, typists, edits);
            double rate = edits / ((System.nanoTime() - start) / 1e9);
            Progress.say(store.engine(), "history", "%,d events written at %,.0f edits/s (%d per unit of work)",
                    events, rate, BATCH);
            History history = new History(store, History.NO_SNAPSHOTS, events, typists,
                    new Editor(notebookId, "probe", 0, 0, "probe"), new Editor(otherId, "probe", 0, 0, "probe"), rate);
            node.awaitProjections(CATCH_UP);
            if (node.latestSnapshot(notebookId).isPresent()) {
                throw new IllegalStateException("a snapshot was taken, with a threshold no notebook reaches");
            }
            return history;
        }
    }

    /**
     * The same history in {@code copy} (a copy of its store), run with a snapshot threshold: one edit loads the
     * whole history and makes Quire's trigger take a snapshot; then half a threshold of edits more, so that a load
     * reads a snapshot and the events after it, as it does on average.
     *
     * @throws IllegalStateException when no snapshot was taken
     */
    public History withSnapshots(History plain, BenchStore copy, int threshold) throws Exception {
        History history = plain.copyTo(copy, threshold);
        try (Quire node = Quire.start(history.settings(), false)) {
            type(node.commands(), history.typists(), 1);
            type(node.commands(), history.typists(), threshold / 2);
            node.awaitProjections(CATCH_UP);
            // Quire takes snapshots on a background thread after the commit that crossed the threshold.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (node.latestSnapshot(history.probe().notebookId()).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            long snapshotAt = node.latestSnapshot(history.probe().notebookId())
                    .orElseThrow(() -> new IllegalStateException("no snapshot was taken"))
                    .getSequenceNumber();
            Progress.say(copy.engine(), "history", "copy with a snapshot at event %,d", snapshotAt);
        }
        return history;
    }

    /** {@code count} edits, the typists taking turns, {@link #BATCH} per outer unit of work. */
    private static void type(CommandGateway commands, List<Editor> typists, long count) {
        for (long done = 0; done < count; ) {
            DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
            try {
                for (int i = 0; i < BATCH && done < count; i++, done++) {
                    typists.get((int) (done % typists.size())).edit(commands);
                }
                batch.commit();
            } catch (RuntimeException e) {
                if (batch.isActive()) {
                    batch.rollback(e);
                }
                throw e;
            }
        }
    }

    private static void insertCell(CommandGateway commands, String notebookId, String cellId) {
        commands.sendAndWait(new InsertCell(notebookId, cellId, null, CellType.CODE, "", "bench"));
    }
}
