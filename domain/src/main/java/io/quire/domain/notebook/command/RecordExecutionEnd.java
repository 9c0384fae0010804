package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import io.quire.domain.notebook.ExecutionOutcome;

/** An execution ended: how, the kernel's execution count if it gave one, and a one-line detail. */
public record RecordExecutionEnd(@TargetAggregateIdentifier String notebookId, String executionId, ExecutionOutcome outcome, Integer executionCount, String detail) {
}
