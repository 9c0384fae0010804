package io.quire.domain.schedule.event;

/** A schedule was paused. */
public record SchedulePaused(String scheduleId, String user) implements ScheduleEvent {
}
