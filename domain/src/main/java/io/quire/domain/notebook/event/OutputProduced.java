package io.quire.domain.notebook.event;
import com.fasterxml.jackson.databind.JsonNode;

/** The execution produced an output (nbformat output JSON), with its display id or null. */
public record OutputProduced(String notebookId, String executionId, String cellId, JsonNode output, String displayId, String user) implements NotebookEvent {
}
