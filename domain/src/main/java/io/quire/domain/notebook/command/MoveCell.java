package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move a cell after another cell, or to the top when {@code afterCellId} is null. */
public record MoveCell(@TargetAggregateIdentifier String notebookId, String cellId, String afterCellId, String user) {
}
