package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Replace a code cell's outputs and execution count (a client saved outputs made elsewhere). */
public record SetCellOutputs(@TargetAggregateIdentifier String notebookId, String cellId, List<JsonNode> outputs, Integer executionCount, String user) {
}
