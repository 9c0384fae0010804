package io.quire.domain.run.event;

import com.fasterxml.jackson.databind.JsonNode;

/** A cell of the run produced an output (nbformat output JSON). */
public record RunOutputProduced(String runId, String cellId, JsonNode output) implements RunEvent {
}
