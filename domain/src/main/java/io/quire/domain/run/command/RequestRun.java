package io.quire.domain.run.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.run.RunSettings;
import io.quire.domain.run.RunSource;
import io.quire.domain.run.RunTrigger;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Run a notebook, pinned to an exact version, with parameters. Secret parameters are named in
 * {@code secretNames} only: their values go to the kernel and nowhere else, never into a command or an event.
 *
 * @param scheduleId the schedule whose trigger asked for it, or null
 * @param retryOf    the run this one retries, or null
 */
public record RequestRun(@TargetAggregateIdentifier String runId, RunSource source, ObjectNode parameters,
                         List<String> secretNames, RunSettings settings, RunTrigger trigger, String scheduleId,
                         String retryOf, String user) {
}
