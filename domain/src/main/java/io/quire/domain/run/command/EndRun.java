package io.quire.domain.run.command;

import io.quire.domain.run.RunFailure;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The run is over. {@code failure} null means it succeeded (or, after a cancellation was requested, that it was
 * cancelled); {@code outputLocation} is where its output notebook was written, or null when none could be.
 * {@code note} says more, e.g. "stopped by sys.exit() in cell 3".
 */
public record EndRun(@TargetAggregateIdentifier String runId, RunFailure failure, String outputLocation,
                     String note) {
}
