package io.quire.bench.runs;

import io.quire.bench.Progress;
import io.quire.bench.Samples;
import io.quire.bench.store.BenchStore;
import io.quire.kernel.client.ExecutionListener;
import io.quire.kernel.message.ExecuteRequest;
import io.quire.runtime.kernel.RunningKernel;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where a warm run's cell time goes (bench/run-runs --diagnose): the run's four cells executed three ways,
 * interleaved so that all three see the same machine load.
 * <ol>
 *   <li>bare: on a kernel started outside the pool, once nothing else starts, with Quire's ZMQ client and nothing
 *       recorded: the kernel and the client alone</li>
 *   <li>pool: the same on a kernel taken from the pool, whose refill then starts a kernel in the background, as in
 *       every run</li>
 *   <li>run: a whole run through {@code Runs}: the cells phase adds the run's recording (every cell's start,
 *       outputs and end are commands on H2) and the run's own machinery</li>
 *   <li>nbclient: one nbclient run (bench/runs/nbclient_runs.py), its cells phase: the same cells and a
 *       kernel_info on a fresh kernel, from Python</li>
 * </ol>
 */
final class CellTimeSplit {

    private static final List<String> CELLS = List.of("n = 1", "# Parameters\nn = 20\n",
            "total = sum(i * i for i in range(n))", "print(f'n={n} total={total}')");

    private final int rounds;
    private final NbclientRuns nbclient;

    CellTimeSplit(int rounds, NbclientRuns nbclient) {
        this.rounds = rounds;
        this.nbclient = nbclient;
    }

    void run(BenchStore store, Path notebook, PrintStream out) throws Exception {
        long[] bare = new long[rounds];
        long[] pooled = new long[rounds];
        long[] runCells = new long[rounds];
        long[] runTotal = new long[rounds];
        long[] nbCells = new long[rounds];
        try (RunNode node = new RunNode(store, notebook, 1)) {
            node.prepare();
            for (int i = -2; i < rounds; i++) {
                node.awaitQuiet();
                try (RunningKernel kernel = node.quire().kernels().start(node.spec())) {
                    node.awaitQuiet(1);
                    long b = cells(kernel);
                    if (i >= 0) {
                        bare[i] = b;
                    }
                }
                node.awaitQuiet();
                try (RunningKernel kernel = node.quire().kernelPool().take(node.spec())) {
                    long p = cells(kernel);
                    if (i >= 0) {
                        pooled[i] = p;
                    }
                }
                node.awaitQuiet();
                RunNode.Submitted run = node.submit();
                RunNode.check(run.result().join());
                if (i >= 0) {
                    runCells[i] = run.phases().phases()[2];
                    runTotal[i] = run.phases().total();
                    node.awaitQuiet();
                    nbCells[i] = nbclient.run(notebook, notebook.resolveSibling("nbclient-" + i), 1).phases()
                            .get("cells")[0];
                    Progress.say("quire", "diagnose", "round %d: bare %.1f, pool %.1f, run cells %.1f, nbclient"
                            + " cells %.1f ms", i + 1, bare[i] / 1e6, pooled[i] / 1e6, runCells[i] / 1e6,
                            nbCells[i] / 1e6);
                }
            }
        }
        out.printf("Cells of one run (4 code cells), median of %d interleaved rounds:%n", rounds);
        print(out, "bare kernel, Quire's ZMQ client, nothing recorded", bare);
        print(out, "kernel from the pool (refill starting meanwhile), nothing recorded", pooled);
        print(out, "cells phase of a whole run (recording on H2)", runCells);
        print(out, "the whole run, end to end", runTotal);
        print(out, "nbclient: the same cells + kernel_info on a fresh kernel", nbCells);
    }

    private static void print(PrintStream out, String what, long[] nanos) {
        Samples samples = Samples.of(nanos);
        out.printf("  %-72s median %7.1f ms, p99 %7.1f ms%n", what, samples.medianMillis(),
                samples.percentileMillis(99));
    }

    /** Executes the four cells one after another, each until its reply; returns the time in ns. */
    private static long cells(RunningKernel kernel) throws Exception {
        long start = System.nanoTime();
        for (String cell : CELLS) {
            kernel.client().execute(ExecuteRequest.of(cell), ExecutionListener.IGNORE).get(60, TimeUnit.SECONDS);
        }
        return System.nanoTime() - start;
    }
}
