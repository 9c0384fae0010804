package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete a notebook; it stays recoverable from its history. */
public record DeleteNotebook(@TargetAggregateIdentifier String notebookId, String user) {
}
