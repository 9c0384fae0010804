package io.quire.domain.schedule.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete a schedule for good: it never fires again and accepts no further change. */
public record DeleteSchedule(@TargetAggregateIdentifier String scheduleId, String user) {
}
