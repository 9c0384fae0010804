package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Replace a cell's metadata. */
public record SetCellMetadata(@TargetAggregateIdentifier String notebookId, String cellId, ObjectNode metadata, String user) {
}
