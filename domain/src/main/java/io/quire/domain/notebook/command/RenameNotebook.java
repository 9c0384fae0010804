package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Rename or move a notebook to a new path. */
public record RenameNotebook(@TargetAggregateIdentifier String notebookId, String newPath, String user) {
}
