package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give the notebook's current version a name (a checkpoint). */
public record NameVersion(@TargetAggregateIdentifier String notebookId, String name, String user) {
}
