package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import io.quire.domain.notebook.CellType;

/** Insert a new cell after another cell, or at the top when {@code afterCellId} is null. */
public record InsertCell(@TargetAggregateIdentifier String notebookId, String cellId, String afterCellId, CellType type, String source, String user) {
}
