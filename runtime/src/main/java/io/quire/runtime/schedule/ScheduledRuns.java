package io.quire.runtime.schedule;

import io.quire.domain.schedule.ScheduleDefinition;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * What happens when a schedule's trigger fires: check the concurrency limit, launch the run, and when it fails
 * schedule a one-shot retry after {@code retryBackoff * 2^(attempt-1)}, up to {@code retries} times.
 *
 * <p>The limit is checked, then the run launched (check, then act): a firing that comes while the previous run is
 * launched but not yet counted by {@link RunLauncher#activeRuns} passes the limit too. Firings of one schedule
 * are at least a second apart, so the launcher should count a run as soon as {@code launch} returns; an exact
 * limit under every race needs the launcher itself to refuse a run over the limit.
 */
final class ScheduledRuns {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRuns.class);

    private static final Duration MAX_EARLY = Duration.ofSeconds(1);

    private final RunLauncher launcher;
    private final ScheduleListener listener;

    ScheduledRuns(RunLauncher launcher, ScheduleListener listener) {
        this.launcher = launcher;
        this.listener = listener;
    }

    /** Called on a Quartz worker thread; never throws, so Quartz never re-fires or logs a half-done firing. */
    void fire(JobExecutionContext context) {
        String scheduleId = context.getJobDetail().getKey().getName();
        try {
            JobDataMap data = context.getMergedJobDataMap();
            ScheduleDefinition definition = ScheduleJobs.definition(data);
            Instant retried = ScheduleJobs.retriedInstant(data);
            Instant scheduledFor = retried != null ? retried : context.getScheduledFireTime().toInstant();
            int attempt = ScheduleJobs.attempt(data);
            waitUntil(scheduledFor);
            ScheduleFiring firing = new ScheduleFiring(scheduleId, definition, scheduledFor, Instant.now(), attempt);
            if (ScheduleJobs.paused(data)) {
                // a retry scheduled by a run that ended after the schedule was paused
                skip(firing, "schedule '" + definition.name() + "' (" + scheduleId + ") is paused");
                return;
            }
            int active = launcher.activeRuns(scheduleId);
            if (active >= definition.maxConcurrentRuns()) {
                skip(firing, active + (active == 1 ? " run" : " runs") + " of schedule '" + definition.name() + "' ("
                        + scheduleId + ") still going, at most " + definition.maxConcurrentRuns() + " at a time");
                return;
            }
            LOG.debug("schedule {} fired for {} ({} ms late), attempt {}", scheduleId, scheduledFor,
                    Duration.between(scheduledFor, firing.firedAt()).toMillis(), attempt);
            launch(firing).whenComplete((end, failure) -> ended(context.getScheduler(), firing,
                    failure == null ? end : new RunEnd(null, false, describe(failure))));
        } catch (RuntimeException e) {
            LOG.error("schedule {} fired but its run could not be started", scheduleId, e);
        }
    }

    /**
     * Quartz ends its wait for a fire time when 2 ms or less are left: a run must not be launched, nor recorded as
     * fired, before the time it is for. (A retry's time is long past; a clock far off is not waited for.)
     */
    private static void waitUntil(Instant scheduledFor) {
        Duration early = Duration.between(Instant.now(), scheduledFor);
        if (early.isNegative() || early.compareTo(MAX_EARLY) > 0) {
            return;
        }
        try {
            Thread.sleep(early.toMillis() + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CompletableFuture<RunEnd> launch(ScheduleFiring firing) {
        try {
            CompletableFuture<RunEnd> future = launcher.launch(firing);
            return future != null ? future
                    : CompletableFuture.completedFuture(new RunEnd(null, false, "the launcher returned no run"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void ended(Scheduler scheduler, ScheduleFiring firing, RunEnd end) {
        if (end == null || end.succeeded()) {
            return;
        }
        ScheduleDefinition definition = firing.definition();
        if (firing.attempt() > definition.retries()) {
            LOG.warn("schedule {}: the run for {} failed on attempt {}, no retries left: {}", firing.scheduleId(),
                    firing.scheduledFor(), firing.attempt(), end.detail());
            tell(() -> listener.retriesExhausted(firing, end));
            return;
        }
        Instant at = Instant.now().plus(definition.backoffAfter(firing.attempt()));
        try {
            scheduler.scheduleJob(ScheduleJobs.retryFor(firing.scheduleId(), firing.scheduledFor(),
                    firing.attempt() + 1, at));
        } catch (SchedulerException e) {
            // The schedule was removed or paused meanwhile, or this node is shutting down.
            LOG.warn("schedule {}: the run for {} failed and its retry could not be scheduled ({})",
                    firing.scheduleId(), firing.scheduledFor(), e.getMessage());
            return;
        }
        LOG.info("schedule {}: the run for {} failed on attempt {} ({}); retrying at {}", firing.scheduleId(),
                firing.scheduledFor(), firing.attempt(), end.detail(), at);
        tell(() -> listener.retryScheduled(firing, end, at));
    }

    private void skip(ScheduleFiring firing, String reason) {
        LOG.info("schedule {}: skipped the firing for {}: {}", firing.scheduleId(), firing.scheduledFor(), reason);
        tell(() -> listener.firingSkipped(firing, reason));
    }

    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("a schedule listener failed", e);
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return "the run could not be launched: " + cause;
    }
}
