package io.quire.domain.run.event;

/** Someone asked to stop a running run; it ends with {@link RunCancelled} once its kernel has stopped. */
public record RunCancellationRequested(String runId, String reason, String user) implements RunEvent {
}
