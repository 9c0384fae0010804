package io.quire.domain.run.command;

import io.quire.domain.run.CellOutcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A cell of the run ended. */
public record RecordRunCellEnd(@TargetAggregateIdentifier String runId, String cellId, CellOutcome outcome,
                               Integer executionCount, String detail) {
}
