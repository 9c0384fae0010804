package io.quire.domain.notebook.event;
import io.quire.domain.notebook.CellType;

/** A cell was inserted after {@code afterCellId}, or at the top when it is null. */
public record CellInserted(String notebookId, String cellId, String afterCellId, CellType type, String source, String user) implements NotebookEvent {
}
