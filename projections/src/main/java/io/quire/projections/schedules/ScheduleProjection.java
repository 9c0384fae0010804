package io.quire.projections.schedules;

import io.quire.domain.schedule.event.ScheduleCreated;
import io.quire.domain.schedule.event.ScheduleDeleted;
import io.quire.domain.schedule.event.SchedulePaused;
import io.quire.domain.schedule.event.ScheduleResumed;
import io.quire.domain.schedule.event.ScheduleUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;

/** Keeps {@link Schedules} current: one row per schedule, gone once deleted. */
@ProcessingGroup(ScheduleProjections.GROUP)
public class ScheduleProjection {

    private final Schedules schedules;

    public ScheduleProjection(Schedules schedules) {
        this.schedules = schedules;
    }

    @EventHandler
    void on(ScheduleCreated event, @Timestamp Instant at) {
        schedules.create(event.scheduleId(), event.definition(), event.user(), at);
    }

    @EventHandler
    void on(ScheduleUpdated event, @Timestamp Instant at) {
        schedules.update(event.scheduleId(), event.definition(), event.user(), at);
    }

    @EventHandler
    void on(SchedulePaused event, @Timestamp Instant at) {
        schedules.pause(event.scheduleId(), true, event.user(), at);
    }

    @EventHandler
    void on(ScheduleResumed event, @Timestamp Instant at) {
        schedules.pause(event.scheduleId(), false, event.user(), at);
    }

    @EventHandler
    void on(ScheduleDeleted event) {
        schedules.remove(event.scheduleId());
    }
}
