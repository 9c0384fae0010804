package io.quire.domain.run.event;

/** The run was stopped on request; {@code outputLocation} holds what it did until then, when it had started. */
public record RunCancelled(String runId, String reason, String user, String outputLocation) implements RunEvent {
}
