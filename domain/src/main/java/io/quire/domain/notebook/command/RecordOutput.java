package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import com.fasterxml.jackson.databind.JsonNode;

/** The kernel produced an output (nbformat output JSON: stream, display_data, execute_result or error), shown
 * with {@code displayId} when the kernel gave one (null otherwise). */
public record RecordOutput(@TargetAggregateIdentifier String notebookId, String executionId, JsonNode output, String displayId) {
}
