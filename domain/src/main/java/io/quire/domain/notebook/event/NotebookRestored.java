package io.quire.domain.notebook.event;

/** A deleted notebook was brought back. */
public record NotebookRestored(String notebookId, String path, String user) implements NotebookEvent {
}
