package io.quire.domain.schedule.event;

/** A paused schedule was resumed. */
public record ScheduleResumed(String scheduleId, String user) implements ScheduleEvent {
}
