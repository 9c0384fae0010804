package io.quire.domain.notebook.event;
import java.util.List;

/** The outputs and execution counts of these code cells were cleared. */
public record OutputsCleared(String notebookId, List<String> cellIds, String user) implements NotebookEvent {
}
