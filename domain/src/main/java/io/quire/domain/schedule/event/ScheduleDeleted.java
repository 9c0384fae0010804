package io.quire.domain.schedule.event;

/** A schedule was deleted (its history remains). */
public record ScheduleDeleted(String scheduleId, String user) implements ScheduleEvent {
}
