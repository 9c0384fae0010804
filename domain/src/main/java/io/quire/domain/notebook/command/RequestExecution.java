package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Run a code cell: records who ran it and its source at that moment. */
public record RequestExecution(@TargetAggregateIdentifier String notebookId, String executionId, String cellId, String user) {
}
