package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete a cell. */
public record DeleteCell(@TargetAggregateIdentifier String notebookId, String cellId, String user) {
}
