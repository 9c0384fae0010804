package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Replace the notebook's metadata. */
public record SetNotebookMetadata(@TargetAggregateIdentifier String notebookId, ObjectNode metadata, String user) {
}
