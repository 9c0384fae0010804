package io.quire.domain.run.command;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A cell of the run produced an output (nbformat output JSON, secrets already masked). */
public record RecordRunOutput(@TargetAggregateIdentifier String runId, String cellId, JsonNode output) {
}
