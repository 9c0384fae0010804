package io.quire.domain.schedule.event;
import io.quire.domain.schedule.ScheduleDefinition;
/** A schedule was created, active (not paused). */
public record ScheduleCreated(String scheduleId, ScheduleDefinition definition, String user) implements ScheduleEvent {
}
