package io.quire.gateway.schedules;

import io.quire.runtime.schedule.RunEnd;
import io.quire.runtime.schedule.ScheduleFiring;
import io.quire.runtime.schedule.ScheduleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/** What the triggers decided without a run (skips, retries, give-ups), in the server's log. */
final class ScheduleLog implements ScheduleListener {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleLog.class);

    @Override
    public void firingSkipped(ScheduleFiring firing, String reason) {
        LOG.warn("schedule {} did not run at {}: {}", firing.scheduleId(), firing.scheduledFor(), reason);
    }

    @Override
    public void retryScheduled(ScheduleFiring failed, RunEnd end, Instant at) {
        LOG.warn("schedule {}: run {} failed ({}); attempt {} at {}", failed.scheduleId(), end.runId(), end.detail(),
                failed.attempt() + 1, at);
    }

    @Override
    public void retriesExhausted(ScheduleFiring failed, RunEnd end) {
        LOG.error("schedule {}: run {} failed ({}) and no retries are left", failed.scheduleId(), end.runId(),
                end.detail());
    }
}
