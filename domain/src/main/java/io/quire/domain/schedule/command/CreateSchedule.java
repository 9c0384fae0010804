package io.quire.domain.schedule.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import io.quire.domain.schedule.ScheduleDefinition;

/** Create a schedule that runs a notebook on a cron. */
public record CreateSchedule(@TargetAggregateIdentifier String scheduleId, ScheduleDefinition definition, String user) {
}
