package io.quire.domain.notebook.event;
import io.quire.domain.notebook.ExecutionOutcome;

/** An execution ended with this outcome; {@code detail} says more (the error name and value, the
 * reason); {@code executionCount} is the kernel's count for it, when it gave one. */
public record ExecutionEnded(String notebookId, String executionId, String cellId, ExecutionOutcome outcome, Integer executionCount, String detail, String user) implements NotebookEvent {
}
