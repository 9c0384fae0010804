package io.quire.domain.notebook.event;

/** A cell was deleted. */
public record CellDeleted(String notebookId, String cellId, String user) implements NotebookEvent {
}
