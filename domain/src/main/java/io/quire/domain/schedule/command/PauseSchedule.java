package io.quire.domain.schedule.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a schedule from firing until it is resumed. */
public record PauseSchedule(@TargetAggregateIdentifier String scheduleId, String user) {
}
