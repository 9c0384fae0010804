package io.quire.domain.schedule.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a paused schedule fire again, from its next fire time (missed ones are not caught up). */
public record ResumeSchedule(@TargetAggregateIdentifier String scheduleId, String user) {
}
