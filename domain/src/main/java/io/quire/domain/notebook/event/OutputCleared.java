package io.quire.domain.notebook.event;

/** The cell's outputs were cleared; with {@code waitForNext}, they are cleared when the next output arrives. */
public record OutputCleared(String notebookId, String executionId, String cellId, boolean waitForNext, String user) implements NotebookEvent {
}
