package io.quire.domain.run.event;

/** A cell of the run cleared its outputs. */
public record RunOutputCleared(String runId, String cellId) implements RunEvent {
}
