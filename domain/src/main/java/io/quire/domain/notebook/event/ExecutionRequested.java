package io.quire.domain.notebook.event;

/** A user ran a code cell; {@code code} is its source at that moment. */
public record ExecutionRequested(String notebookId, String executionId, String cellId, String code, String user) implements NotebookEvent {
}
