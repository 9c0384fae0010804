package io.quire.bench.history;

import io.quire.bench.Figure;
import io.quire.bench.Machine;
import io.quire.bench.Progress;
import io.quire.bench.Samples;
import io.quire.bench.Target;
import io.quire.gateway.Quire;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How long loading a notebook with a long history takes: the time of one edit command to it on a node that has
 * just started, so that the repository must load the aggregate from the store (snapshot, then the events after
 * it; or every event when there is no snapshot). The node is restarted for each repetition, which empties its
 * aggregate cache; the database (H2 file in the OS page cache, PostgreSQL's shared buffers) stays warm.
 *
 * <p>Before the timed command, each fresh node handles one command to another, two-event notebook, so that the
 * node's own lazy set-up is not counted as loading. Right after it, the same edit again (now from the cache) is
 * timed too: the difference is the load. The first repetition runs with a JIT that has not yet seen this load
 * path and is reported apart ("first"); the target applies to the median of the others ("warm").
 */
public final class LoadTime {

    private static final Duration CATCH_UP = Duration.ofMinutes(5);

    private final int repetitions;

    public LoadTime(int repetitions) {
        if (repetitions < 2) {
            throw new IllegalArgumentException("at least 2 repetitions: the first is reported apart");
        }
        this.repetitions = repetitions;
    }

    public List<Figure> run(History history) throws Exception {
        long[] loads = new long[repetitions];
        long[] cached = new long[repetitions];
        long[] loadCpu = new long[repetitions];
        for (int i = 0; i < repetitions; i++) {
            try (Quire node = Quire.start(history.settings(), false)) {
                node.awaitProjections(CATCH_UP);
                history.other().edit(node.commands());
                long cpuBefore = Machine.threadCpuNanos();
                loads[i] = history.probe().edit(node.commands());
                loadCpu[i] = Machine.threadCpuNanos() - cpuBefore;
                cached[i] = history.probe().edit(node.commands());
                node.awaitProjections(CATCH_UP);
            }
        }
        String engine = history.store().engine();
        Samples warm = Samples.of(Arrays.copyOfRange(loads, 1, repetitions));
        Progress.say(engine, "load", "%s: first %.1f ms, warm median %.1f ms over %d restarts",
                history.describeSnapshots(), loads[0] / 1e6, warm.medianMillis(), repetitions - 1);
        String what = String.format("load %,d-event notebook, %s", history.events(), history.describeSnapshots());
        return List.of(
                Figure.of(engine, what + ", first", loads[0] / 1e6, "ms", Target.NONE)
                      .withNote("first edit command on a freshly started node (aggregate not cached), first time"
                              + " in this JVM"),
                // The 100 ms target is for a load as Quire does it: with snapshots, on by default. Without them
                // the figure shows what snapshots save: every event is read, decoded and applied (~5 us each).
                Figure.of(engine, what + ", warm", warm.medianMillis(), "ms",
                                history.hasSnapshots() ? Target.atMost(100) : Target.NONE)
                      .withNote("the same, median of " + (repetitions - 1) + " node restarts; database warm"
                              + (history.hasSnapshots() ? "" : "; no target: Quire takes snapshots unless told not"
                              + " to, this is what a load would cost without them")),
                Figure.of(engine, what + ", warm, CPU time", Samples.of(Arrays.copyOfRange(loadCpu, 1, repetitions))
                                .medianMillis(), "ms", Target.NONE)
                      .withNote("CPU time of the thread that loads (the command runs on the caller's thread):"
                              + " what the load costs when no other process competes for the CPU; median"),
                Figure.of(engine, "same edit, aggregate cached, " + history.describeSnapshots(),
                        Samples.of(cached).medianMillis(), "ms", Target.NONE)
                      .withNote("the next edit on that node, median: load time = warm - this"));
    }
}
