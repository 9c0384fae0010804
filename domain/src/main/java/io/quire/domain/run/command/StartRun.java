package io.quire.domain.run.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A kernel was found for the run and its cells are about to execute. */
public record StartRun(@TargetAggregateIdentifier String runId, String kernelId, String kernelName, int cellCount) {
}
