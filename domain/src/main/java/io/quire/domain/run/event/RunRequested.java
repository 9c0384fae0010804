package io.quire.domain.run.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.run.RunSettings;
import io.quire.domain.run.RunSource;
import io.quire.domain.run.RunTrigger;

import java.util.List;

/** A run was asked for: the exact notebook, its parameters (secrets only by name), how, by whom. */
public record RunRequested(String runId, RunSource source, ObjectNode parameters, List<String> secretNames,
                           RunSettings settings, RunTrigger trigger, String scheduleId, String retryOf,
                           String user) implements RunEvent {
}
