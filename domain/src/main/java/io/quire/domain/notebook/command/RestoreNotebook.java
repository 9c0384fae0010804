package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Bring a deleted notebook back, at its last path or a new one. */
public record RestoreNotebook(@TargetAggregateIdentifier String notebookId, String path, String user) {
}
