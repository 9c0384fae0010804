package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The kernel began an execution and gave it this execution count. */
public record RecordExecutionStart(@TargetAggregateIdentifier String notebookId, String executionId, int executionCount) {
}
