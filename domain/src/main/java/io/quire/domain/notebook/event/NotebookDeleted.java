package io.quire.domain.notebook.event;

/** A notebook was deleted (its history remains). */
public record NotebookDeleted(String notebookId, String path, String user) implements NotebookEvent {
}
