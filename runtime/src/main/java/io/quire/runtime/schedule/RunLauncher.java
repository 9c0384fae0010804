package io.quire.runtime.schedule;

import java.util.concurrent.CompletableFuture;

/**
 * Starts the runs schedules ask for: implemented by the runner side, called by {@link ScheduleTriggers}.
 *
 * <p>Threads: both methods are called on a Quartz worker thread (a handful per node), so {@link #launch} must
 * return quickly and do the run elsewhere; a slow {@code launch} delays other schedules' firings.
 */
public interface RunLauncher {

    /**
     * Starts one run of a schedule's notebook, as {@code firing.definition()} says (version policy, parameters,
     * kernel, run and cell timeouts: the runner enforces the timeouts).
     *
     * @return completes when the run ends, successfully or not; completing exceptionally, or throwing here,
     *         counts as a failed run (and is retried if the definition allows)
     */
    CompletableFuture<RunEnd> launch(ScheduleFiring firing);

    /**
     * How many runs of this schedule have started and not yet ended, on every node of the cluster. A firing is
     * skipped when this reaches the definition's {@code maxConcurrentRuns}.
     */
    int activeRuns(String scheduleId);
}
