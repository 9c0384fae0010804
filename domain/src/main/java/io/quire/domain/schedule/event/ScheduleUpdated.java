package io.quire.domain.schedule.event;
import io.quire.domain.schedule.ScheduleDefinition;
/** A schedule's definition was replaced by {@code definition}. */
public record ScheduleUpdated(String scheduleId, ScheduleDefinition definition, String user) implements ScheduleEvent {
}
