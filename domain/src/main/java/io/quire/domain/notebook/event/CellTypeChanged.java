package io.quire.domain.notebook.event;
import io.quire.domain.notebook.CellType;

/** A cell's type changed; a cell that stops being code loses its outputs and execution count. */
public record CellTypeChanged(String notebookId, String cellId, CellType type, String user) implements NotebookEvent {
}
