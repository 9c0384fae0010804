package io.quire.domain.run.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a run that has not ended. */
public record CancelRun(@TargetAggregateIdentifier String runId, String reason, String user) {
}
