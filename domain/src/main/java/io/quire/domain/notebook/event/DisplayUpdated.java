package io.quire.domain.notebook.event;
import com.fasterxml.jackson.databind.JsonNode;

/** Every output of the notebook shown with {@code displayId} now shows {@code output}'s data and metadata. */
public record DisplayUpdated(String notebookId, String executionId, String displayId, JsonNode output, String user) implements NotebookEvent {
}
