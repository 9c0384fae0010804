package io.quire.domain.notebook.event;

/** A notebook moved from one path to another. */
public record NotebookRenamed(String notebookId, String oldPath, String newPath, String user) implements NotebookEvent {
}
