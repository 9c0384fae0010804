package io.quire.domain.notebook.event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A code cell's outputs and execution count were replaced. */
public record CellOutputsSet(String notebookId, String cellId, List<JsonNode> outputs, Integer executionCount, String user) implements NotebookEvent {
}
