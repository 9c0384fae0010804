package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Run a code cell: records who ran it and the code. {@code code} is what the client sent to the kernel (a Jupyter
 * front end may run text it has not saved yet); null means the cell's stored source.
 */
public record RequestExecution(@TargetAggregateIdentifier String notebookId, String executionId, String cellId, String code, String user) {
}
