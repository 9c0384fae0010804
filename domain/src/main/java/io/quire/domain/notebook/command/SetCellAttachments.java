package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Replace a markdown or raw cell's attachments (null: none). */
public record SetCellAttachments(@TargetAggregateIdentifier String notebookId, String cellId, ObjectNode attachments, String user) {
}
