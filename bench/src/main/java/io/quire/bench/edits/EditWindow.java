package io.quire.bench.edits;

import io.quire.bench.Figure;
import io.quire.bench.Samples;
import io.quire.bench.Scale;
import io.quire.bench.Target;
import io.quire.bench.store.BenchStore;
import io.quire.bench.store.Engine;
import io.quire.bench.store.StoredBytes;

import java.util.List;

/**
 * What {@link EditThroughput} measured over its window, and the figures it makes.
 *
 * @param ipynbBytes        the notebook as Jupyter saves it
 * @param latencies         every edit completed in the window
 * @param cpuNanos          CPU time of the whole JVM over the window
 * @param added             what the store gained over the window (read just after it)
 * @param snapshotBytes     the notebook's latest snapshot
 * @param snapshotThreshold events between two snapshots
 * @param writtenBytes      bytes the database physically wrote over the window
 * @param lagMillis         time for the projections to catch up once editing stopped
 */
record EditWindow(Scale scale, int ipynbBytes, Samples latencies, long cpuNanos, StoredBytes added,
                  long snapshotBytes, int snapshotThreshold, long writtenBytes, double lagMillis) {

    List<Figure> figures(BenchStore store) {
        String engine = store.engine();
        boolean h2 = engine.equals(Engine.H2.label());
        String crew = scale.editors() + " editors";
        double eventBytesPerEdit = (double) added.eventBytes() / added.events();
        double snapshotBytesPerEdit = (double) snapshotBytes / snapshotThreshold;
        double writtenPerEdit = (double) writtenBytes / added.events();
        return List.of(
                Figure.of(engine, "notebook size (.ipynb, as Jupyter saves it)", ipynbBytes, "B", Target.NONE)
                      .withNote("what Jupyter writes on every save: it rewrites the whole file"),
                Figure.of(engine, "edits/s, " + crew + ", one notebook",
                                latencies.count() / (scale.measure().toNanos() / 1e9), "edits/s",
                                h2 ? Target.atLeast(5000) : Target.NONE)
                      .withNote("single-cell EditCellSource commands completed per second, closed loop, each"
                              + " editor in its own cell; the targets are for H2"),
                Figure.of(engine, "commit latency p50, " + crew, latencies.medianMillis(), "ms", Target.NONE),
                Figure.of(engine, "commit latency p99, " + crew, latencies.percentileMillis(99), "ms",
                                h2 ? Target.atMost(10) : Target.NONE)
                      .withNote("commandGateway.sendAndWait time: notebook lock, load (cached), decide, append,"
                              + " commit"),
                Figure.of(engine, "commit latency max, " + crew, latencies.maxMillis(), "ms", Target.NONE),
                Figure.of(engine, "JVM CPU time per edit", cpuNanos / 1e6 / added.events(), "ms", Target.NONE)
                      .withNote("CPU time of all of this JVM's threads (editors, projections, H2) / edits:"
                              + " 2 cores sustain at most 2,000 / this edits/s; PostgreSQL's own CPU is not"
                              + " included"),
                Figure.of(engine, "store bytes per edit: event row", eventBytesPerEdit, "B", Target.NONE)
                      .withNote("growth of DomainEventEntry (every column) / events added, read with SQL"),
                Figure.of(engine, "store bytes per edit: snapshots", snapshotBytesPerEdit, "B", Target.NONE)
                      .withNote(snapshotBytes == 0
                              ? "no snapshot yet (fewer than " + snapshotThreshold + " events): not counted here,"
                                      + " nor in the ratio below"
                              : "a snapshot (payload+metadata) is written every " + snapshotThreshold
                                      + " events: its size / " + snapshotThreshold),
                Figure.of(engine, "Jupyter save / Quire edit, bytes",
                                ipynbBytes / (eventBytesPerEdit + snapshotBytesPerEdit), "x", Target.NONE)
                      .withNote(".ipynb size / (event row + snapshot share): how many times more Jupyter"
                              + " writes per save than Quire's store per edit"),
                Figure.of(engine, "all bytes written per edit", writtenPerEdit, "B", Target.NONE)
                      .withNote(store.physicalWritesMeaning()),
                Figure.of(engine, "Jupyter save / all bytes written per edit", ipynbBytes / writtenPerEdit, "x",
                                Target.NONE)
                      .withNote("the same comparison against everything the database wrote"),
                Figure.of(engine, "read models behind, after the last edit", lagMillis, "ms", Target.NONE)
                      .withNote("time for the projections to catch up once editing stopped"));
    }
}
