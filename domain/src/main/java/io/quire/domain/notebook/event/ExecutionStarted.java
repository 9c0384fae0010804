package io.quire.domain.notebook.event;

/** The kernel began the execution; the cell's outputs were cleared and it got this execution count. */
public record ExecutionStarted(String notebookId, String executionId, String cellId, int executionCount, String user) implements NotebookEvent {
}
