package io.quire.domain.notebook.event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A markdown or raw cell's attachments were replaced. */
public record CellAttachmentsSet(String notebookId, String cellId, ObjectNode attachments, String user) implements NotebookEvent {
}
