package io.quire.bench.runs;

import io.quire.bench.Machine;
import io.quire.bench.Progress;
import io.quire.bench.Samples;
import io.quire.bench.store.BenchStore;
import io.quire.runtime.run.RunResult;

import java.nio.file.Path;

/**
 * One run from the warm pool, end to end: {@code Runs.start} called until the run's result completes (output
 * notebook published, RunEnded recorded). Before each run the pool (size 1) is full again and the previous run's
 * kernel has stopped, so every run takes a warm kernel and nothing else of the benchmark runs meanwhile.
 */
final class WarmRunLatency {

    private final int warmups;
    private final int runs;

    WarmRunLatency(int warmups, int runs) {
        this.warmups = warmups;
        this.runs = runs;
    }

    /**
     * @param total  every measured run's end-to-end time
     * @param phases per phase of {@link RunPhases#NAMES}: every measured run's time in it
     */
    record Result(Samples total, Samples[] phases, double loadAverage) {
    }

    Result run(BenchStore store, Path notebook) throws Exception {
        try (RunNode node = new RunNode(store, notebook, 1)) {
            node.prepare();
            long[] totals = new long[runs];
            long[][] phases = new long[RunPhases.NAMES.length][runs];
            double load = 0;
            for (int i = -warmups; i < runs; i++) {
                node.awaitQuiet();
                RunNode.Submitted run = node.submit();
                RunResult result = run.result().join();
                RunNode.check(result);
                if (i < 0) {
                    continue; // warm-up: the JIT, Axon's first Run aggregate, H2's first pages
                }
                totals[i] = run.phases().total();
                long[] split = run.phases().phases();
                for (int p = 0; p < split.length; p++) {
                    phases[p][i] = split[p];
                }
                load += Machine.loadAverage() / runs;
                if ((i + 1) % 5 == 0) {
                    Progress.say("quire", "warm run", "%d of %d, last %.1f ms", i + 1, runs, totals[i] / 1e6);
                }
            }
            Samples[] phaseSamples = new Samples[phases.length];
            for (int p = 0; p < phases.length; p++) {
                phaseSamples[p] = Samples.of(phases[p]);
            }
            return new Result(Samples.of(totals), phaseSamples, load);
        }
    }
}
