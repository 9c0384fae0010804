package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import com.fasterxml.jackson.databind.JsonNode;

/** The kernel updated every output shown with display id {@code displayId}. */
public record RecordDisplayUpdate(@TargetAggregateIdentifier String notebookId, String executionId, String displayId, JsonNode output) {
}
