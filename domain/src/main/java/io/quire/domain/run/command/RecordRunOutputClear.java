package io.quire.domain.run.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A cell of the run cleared its outputs ({@code clear_output}). */
public record RecordRunOutputClear(@TargetAggregateIdentifier String runId, String cellId) {
}
