package io.quire.domain.schedule.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import io.quire.domain.schedule.ScheduleDefinition;

/** Replace a schedule's definition; it takes effect from the next fire time. */
public record UpdateSchedule(@TargetAggregateIdentifier String scheduleId, ScheduleDefinition definition, String user) {
}
