package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import io.quire.domain.notebook.CellType;

/** Change a cell's type (code, markdown, raw). */
public record ChangeCellType(@TargetAggregateIdentifier String notebookId, String cellId, CellType type, String user) {
}
