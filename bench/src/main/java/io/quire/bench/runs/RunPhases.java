package io.quire.bench.runs;

import io.quire.domain.run.CellOutcome;
import io.quire.runtime.run.RunListener;
import io.quire.runtime.run.RunResult;

/**
 * When each step of one Quire run happened ({@link System#nanoTime()}), seen from the outside through the run's
 * listener: the listener's callbacks come right after the step they name is recorded, so the phases between them
 * say where a run's time goes without instrumenting Quire itself.
 *
 * <ul>
 *   <li>request: {@code Runs.start} (read the input, inject the parameters twice, record RunRequested)</li>
 *   <li>kernel: hand-off to the run's thread, take a kernel from the pool, record RunStarted</li>
 *   <li>cells: the three cells on the kernel, first start to last end (their steps recorded off the run's thread)</li>
 *   <li>end: render and publish the output notebook, wait for the queued recordings, record RunEnded</li>
 * </ul>
 */
final class RunPhases implements RunListener {

    static final String[] NAMES = {"request", "kernel", "cells", "end"};

    final long submitted = System.nanoTime();
    private volatile long requested;
    private volatile long kernelTaken;
    private volatile long lastCellEnded;
    private volatile long ended;

    /** {@code Runs.start} has returned: the request is recorded and the run handed to the runner. */
    void requested() {
        requested = System.nanoTime();
    }

    @Override
    public void started(String kernelName, int codeCells) {
        kernelTaken = System.nanoTime();
    }

    @Override
    public void cellEnded(String cellId, int number, int total, CellOutcome outcome) {
        if (number == total) {
            lastCellEnded = System.nanoTime();
        }
    }

    @Override
    public void ended(RunResult result) {
        ended = System.nanoTime();
    }

    /** Request to end, in ns: the run's end-to-end time. */
    long total() {
        return ended - submitted;
    }

    /** The phases of {@link #NAMES}, in ns, in that order. */
    long[] phases() {
        return new long[]{requested - submitted, kernelTaken - requested, lastCellEnded - kernelTaken,
                ended - lastCellEnded};
    }
}
