package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import io.quire.domain.notebook.text.TextOperation;

/** Edit a cell's source with a text operation written against revision {@code baseRevision} of that cell. */
public record EditCellSource(@TargetAggregateIdentifier String notebookId, String cellId, long baseRevision, TextOperation operation, String user) {
}
