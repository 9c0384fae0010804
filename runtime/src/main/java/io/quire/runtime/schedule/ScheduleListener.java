package io.quire.runtime.schedule;

import java.time.Instant;

/**
 * Told what the triggers decided without launching a run, so the lead side can record it (as an event, a metric).
 * Every method has an empty default; implement the ones you need.
 *
 * <p>Threads: called on a Quartz worker thread or on the thread that completed a run's future; keep it quick and
 * do not throw (a thrown exception is logged and otherwise ignored).
 */
public interface ScheduleListener {

    /** Records nothing. */
    ScheduleListener NONE = new ScheduleListener() {
    };

    /**
     * A firing launched no run, e.g. because {@code maxConcurrentRuns} runs of the schedule are still going.
     *
     * @param reason for people, e.g. "1 run of schedule s1 is still going (at most 1 at a time)"
     */
    default void firingSkipped(ScheduleFiring firing, String reason) {
    }

    /** {@code failed} failed ({@code end} says how) and will be tried again at {@code at}, as attempt + 1. */
    default void retryScheduled(ScheduleFiring failed, RunEnd end, Instant at) {
    }

    /** {@code failed} failed ({@code end} says how) and has no retries left. */
    default void retriesExhausted(ScheduleFiring failed, RunEnd end) {
    }
}
