package io.quire.domain.run.event;

import io.quire.domain.run.RunFailure;

/** The run failed: why and where; {@code outputLocation} is its output notebook, when one could be written. */
public record RunFailed(String runId, RunFailure failure, String outputLocation) implements RunEvent {
}
