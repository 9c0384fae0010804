package io.quire.domain.notebook.event;

/** A cell moved after {@code afterCellId}, or to the top when it is null. */
public record CellMoved(String notebookId, String cellId, String afterCellId, String user) implements NotebookEvent {
}
