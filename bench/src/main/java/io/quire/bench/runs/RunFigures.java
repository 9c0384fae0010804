package io.quire.bench.runs;

import io.quire.bench.Figure;
import io.quire.bench.Report;
import io.quire.bench.Samples;
import io.quire.bench.Target;

/**
 * The figures from the measurements: nbclient's reference, Quire's warm single run (median ≤ 100 ms) and
 * its throughput against nbclient's runs in a row (≥ 3 times), with where each run's time goes.
 */
final class RunFigures {

    private static final String REFERENCE = "nbclient";
    private static final String QUIRE = "quire h2";

    private final int runs;
    private final int sustainedPool;

    RunFigures(int runs, int sustainedPool) {
        this.runs = runs;
        this.sustainedPool = sustainedPool;
    }

    void add(Report report, NbclientRuns.Result reference, WarmRunLatency.Result latency,
             RunThroughput.Result burst, RunThroughput.Result sustained) {
        Samples nbRuns = Samples.of(reference.runs());
        report.add(Figure.of(REFERENCE, "one run, median", nbRuns.medianMillis(), "ms", Target.NONE)
                .withNote("Debian's nbclient 0.7.2 (papermill's engine) in one /usr/bin/python3 process: read, inject"
                        + " the parameters cell, start a kernel, run the cells, kernel_info, stop the kernel, write"
                        + " the output (once; papermill also saves after every cell). No interpreter start per run"));
        report.add(Figure.of(REFERENCE, "one run, p99", nbRuns.percentileMillis(99), "ms", Target.NONE));
        reference.phases().forEach((phase, nanos) -> report.add(Figure.of(REFERENCE, "one run: " + phase + ", median",
                Samples.of(nanos).medianMillis(), "ms", Target.NONE)));
        double nbWall = reference.wallNanos() / 1e6;
        report.add(Figure.of(REFERENCE, runs + " runs in a row, wall", nbWall, "ms", Target.NONE));
        report.add(Figure.of(REFERENCE, "CPU per run: kernel", reference.kernelCpu() / 1e6 / runs, "ms", Target.NONE)
                .withNote("CPU time (user + system) of the kernel processes / runs: starting a fresh ipykernel is"
                        + " mostly CPU, which bounds fresh-kernel runs per second on 2 cores"));
        report.add(Figure.of(REFERENCE, "CPU per run: nbclient", reference.driverCpu() / 1e6 / runs, "ms",
                Target.NONE));

        report.add(Figure.of(QUIRE, "one run from the warm pool, median", latency.total().medianMillis(), "ms",
                Target.atMost(100)).withNote("Runs.start until the run's result completes (output notebook"
                + " published with fsync, RunEnded recorded); before each run the pool of 1 is full again and the"
                + " previous kernel has exited; n=" + latency.total().count() + " after warm-up runs; mean load "
                + String.format(java.util.Locale.ROOT, "%.1f", latency.loadAverage())));
        report.add(Figure.of(QUIRE, "one run from the warm pool, p99", latency.total().percentileMillis(99), "ms",
                Target.NONE));
        for (int p = 0; p < RunPhases.NAMES.length; p++) {
            report.add(Figure.of(QUIRE, "one run: " + RunPhases.NAMES[p] + ", median",
                    latency.phases()[p].medianMillis(), "ms", Target.NONE).withNote(phaseNote(RunPhases.NAMES[p])));
        }
        report.add(Figure.of(QUIRE, "one run, nbclient median / Quire median",
                nbRuns.medianMillis() / latency.total().medianMillis(), "x", Target.NONE));

        throughput(report, "burst: " + runs + " at once, pool of " + runs + " warm", burst, nbWall,
                "the pool was full before the clock started (" + runs + " kernels waiting); it refills in the"
                        + " background while the runs go, one kernel start at a time");
        throughput(report, "sustained: " + runs + " at once, pool of " + sustainedPool, sustained, nbWall,
                sustainedPool + " runs take warm kernels, the others start theirs as they need them (all at once:"
                        + " kernel starts compete for the 2 cores), while the pool refills");
    }

    private void throughput(Report report, String name, RunThroughput.Result result, double nbWall, String how) {
        double wall = result.wallNanos() / 1e6;
        report.add(Figure.of(QUIRE, name + ", wall", wall, "ms", Target.NONE).withNote(how + "; " + runs
                + " client threads call Runs.start at the same moment; wall = until every result completed; load "
                + String.format(java.util.Locale.ROOT, "%.1f", result.loadAverage()) + " at the end"));
        report.add(Figure.of(QUIRE, name + ", runs/s", runs / (wall / 1000), "runs/s", Target.NONE));
        report.add(Figure.of(QUIRE, name + ", per-run latency median", result.latency().medianMillis(), "ms",
                Target.NONE));
        report.add(Figure.of(QUIRE, name + ", per-run latency max", result.latency().maxMillis(), "ms",
                Target.NONE).withNote("the slowest run; its phases are on stderr (\"slowest run\")"));
        report.add(Figure.of(QUIRE, name + ", until the kernels exited", result.kernelsStopped() / 1e6, "ms",
                Target.NONE).withNote("Quire's results do not wait for a kernel to stop (nbclient's runs do): the"
                + " time until every kernel the runs used had exited"));
        report.add(Figure.of(QUIRE, name + ", CPU per run: kernel", result.kernelCpu() / 1e6 / runs, "ms",
                Target.NONE).withNote("CPU time (user + system) of the kernels that exited during the case (the runs'"
                + " kernels), over their whole life, start included even when it was before the clock / runs"));
        report.add(Figure.of(QUIRE, name + ", CPU per run: Quire's JVM", result.jvmCpu() / 1e6 / runs, "ms",
                Target.NONE));
        report.add(Figure.of(QUIRE, name + ", runs failed", result.failed(), "runs", Target.atMost(0))
                .withNote("runs that did not succeed or whose output notebook lacks the parameter's effect (the"
                        + " reason is on stderr); counted in the wall, so a failure also flatters it"));
        report.add(Figure.of(QUIRE, name + ", throughput vs nbclient in a row", nbWall / wall, "x",
                Target.atLeast(3)).withNote("nbclient's wall for the same number of runs one after another / this"
                + " wall, same process run"));
    }

    private static String phaseNote(String phase) {
        return switch (phase) {
            case "request" -> "Runs.start: read the .ipynb, inject the parameters (in clear and masked), record"
                    + " RunRequested (one H2 commit), hand the run to its thread";
            case "kernel" -> "the run's thread starts, takes a warm kernel, records RunStarted (one commit)";
            case "cells" -> "the 3 cells plus the injected one, executed one after the other on the kernel"
                    + " (cell steps recorded on other threads meanwhile)";
            default -> "after the last cell: render and publish the output notebook, wait for every queued cell"
                    + " recording, record RunEnded";
        };
    }
}
