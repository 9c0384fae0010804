package io.quire.domain.run.event;

import io.quire.domain.run.CellOutcome;

/** A cell of the run ended. */
public record RunCellEnded(String runId, String cellId, CellOutcome outcome, Integer executionCount,
                           String detail) implements RunEvent {
}
