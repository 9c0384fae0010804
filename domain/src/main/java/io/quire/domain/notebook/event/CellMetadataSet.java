package io.quire.domain.notebook.event;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A cell's metadata was replaced. */
public record CellMetadataSet(String notebookId, String cellId, ObjectNode metadata, String user) implements NotebookEvent {
}
