package io.quire.domain.notebook.event;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The notebook's metadata was replaced. */
public record NotebookMetadataSet(String notebookId, ObjectNode metadata, String user) implements NotebookEvent {
}
