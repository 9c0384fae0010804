package io.quire.bench.edits;

import io.quire.bench.Figure;
import io.quire.bench.Machine;
import io.quire.bench.Parallel;
import io.quire.bench.Progress;
import io.quire.bench.Samples;
import io.quire.bench.Scale;
import io.quire.bench.notebook.Editor;
import io.quire.bench.notebook.NotebookFixture;
import io.quire.bench.store.BenchStore;
import io.quire.bench.store.StoredBytes;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.NotebookContent;
import io.quire.domain.notebook.command.ImportNotebook;
import io.quire.gateway.Quire;
import io.quire.gateway.QuireSettings;
import io.quire.gateway.notebook.Notebooks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Concurrent editing of one big notebook: {@link Scale#editors()} editors, each typing into its own cell of a
 * {@link Scale#cells()}-cell, {@link Scale#notebookBytes()}-byte notebook, each sending its next edit as soon as the
 * previous one is committed (a closed loop: throughput is what the node sustains, latency what each editor waits).
 * The node runs as in production: default snapshot threshold, projections following the events.
 *
 * <p>Measured over the window after the warm-up: commands completed per second, their commit latency (the
 * {@code sendAndWait} time: load from cache, decide, append, commit), and the bytes each edit adds to the store,
 * against the .ipynb file Jupyter would rewrite whole on every save.
 */
public final class EditThroughput {

    private static final String PATH = "bench/big.ipynb";
    private static final Duration CATCH_UP = Duration.ofMinutes(5);

    private final Scale scale;

    public EditThroughput(Scale scale) {
        this.scale = scale;
    }

    public List<Figure> run(BenchStore store) throws Exception {
        String engine = store.engine();
        int threshold = QuireSettings.DEFAULT_SNAPSHOT_THRESHOLD;
        try (Quire node = Quire.start(store.settings(threshold), false)) {
            NotebookContent content = NotebookFixture.build(scale.cells(), scale.notebookBytes());
            String notebookId = UUID.randomUUID().toString();
            node.commands().sendAndWait(new ImportNotebook(notebookId, PATH, content, "bench"));
            node.awaitProjections(CATCH_UP);
            int ipynbBytes = new Notebooks(node).export(PATH).length;
            Progress.say(engine, "edits", "notebook of %,d cells, %,d bytes; %d editors: warm-up %d s, then"
                    + " measuring %d s", scale.cells(), ipynbBytes, scale.editors(), scale.warmUp().toSeconds(),
                    scale.measure().toSeconds());

            long measureFrom = System.nanoTime() + scale.warmUp().toNanos();
            long measureUntil = measureFrom + scale.measure().toNanos();
            List<Editor> editors = editors(notebookId, content);
            CompletableFuture<List<long[]>> latencies = CompletableFuture.supplyAsync(() -> type(node, editors,
                    measureFrom, measureUntil));
            sleepUntil(measureFrom);
            StoredBytes before = store.storedBytes();
            long writtenBefore = store.physicalBytesWritten();
            long cpuBefore = Machine.processCpuNanos();
            Samples samples = Samples.of(latencies.join().toArray(long[][]::new));
            long cpu = Machine.processCpuNanos() - cpuBefore;
            StoredBytes added = store.storedBytes().minus(before);
            long written = store.physicalBytesWritten() - writtenBefore;
            long lagStart = System.nanoTime();
            node.awaitProjections(CATCH_UP);
            double lagMillis = (System.nanoTime() - lagStart) / 1e6;
            return new EditWindow(scale, ipynbBytes, samples, cpu, added, store.storedBytes().snapshotBytes(),
                    threshold, written, lagMillis).figures(store);
        }
    }

    /** One editor per thread, spread over the notebook's code cells. */
    private List<Editor> editors(String notebookId, NotebookContent content) {
        List<Cell> codeCells = NotebookFixture.codeCells(content);
        List<Editor> editors = new ArrayList<>();
        for (int i = 0; i < scale.editors(); i++) {
            Cell cell = codeCells.get(i * codeCells.size() / scale.editors());
            editors.add(new Editor(notebookId, cell.id(), cell.source().length(), 0, "editor-" + i));
        }
        return editors;
    }

    /** Every editor types until {@code measureUntil}; returns the latencies of the edits done within the window. */
    private static List<long[]> type(Quire node, List<Editor> editors, long measureFrom, long measureUntil) {
        try {
            return Parallel.run("editor", editors.size(), i -> () -> {
                LatencyLog log = new LatencyLog();
                while (System.nanoTime() < measureUntil) {
                    long took = editors.get(i).edit(node.commands());
                    long end = System.nanoTime();
                    if (end - took >= measureFrom && end <= measureUntil) {
                        log.add(took);
                    }
                }
                return log.toArray();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    /** A growable array of latencies, for one thread. */
    private static final class LatencyLog {
        private long[] values = new long[1 << 16];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
