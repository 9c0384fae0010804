package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import io.quire.domain.notebook.ExecutionOutcome;

/** An execution ended: how, and a one-line detail (the error, the reason). */
public record RecordExecutionEnd(@TargetAggregateIdentifier String notebookId, String executionId, ExecutionOutcome outcome, String detail) {
}
