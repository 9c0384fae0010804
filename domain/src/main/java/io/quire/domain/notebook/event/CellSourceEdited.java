package io.quire.domain.notebook.event;
import io.quire.domain.notebook.text.TextOperation;

/** A cell's source changed by {@code operation}, which applies to revision {@code revision - 1} and yields {@code revision}. */
public record CellSourceEdited(String notebookId, String cellId, long revision, TextOperation operation, String user) implements NotebookEvent {
}
