package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.List;

/** Clear the outputs and execution counts of the given code cells, or of all when the list is empty. */
public record ClearOutputs(@TargetAggregateIdentifier String notebookId, List<String> cellIds, String user) {
}
