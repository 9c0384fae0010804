package io.quire.domain.run.event;

/** The run ran every cell (or stopped at a {@code sys.exit()} without error) and wrote its output notebook. */
public record RunSucceeded(String runId, String outputLocation, String note) implements RunEvent {
}
