package io.quire.gateway.http.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.gateway.runs.Runs;
import io.quire.projections.runs.RunSummary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A run as the API shows it (schema {@code Run} in {@code openapi.yaml}): camelCase names, instants in ISO 8601,
 * durations in seconds, links to what can be done with it. Parameters are shown; secrets only by name.
 */
final class RunJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunJson() {
    }

    static ObjectNode run(RunSummary run) {
        ObjectNode json = JSON.createObjectNode()
                .put("id", run.runId())
                .put("status", run.status().name())
                .put("source", run.source())
                .put("notebookId", run.notebookId())
                .put("version", run.version())
                .put("scheduleId", run.scheduleId())
                .put("trigger", run.trigger())
                .put("retryOf", run.retryOf())
                .put("requestedBy", run.requestedBy())
                .put("requestedAt", instant(run.requestedAt()))
                .put("startedAt", instant(run.startedAt()))
                .put("endedAt", instant(run.endedAt()))
                .put("durationSeconds", seconds(run.duration()))
                .put("kernel", run.kernelName())
                .put("cellsTotal", run.cellsTotal())
                .put("cellsDone", run.cellsDone())
                .put("outputLocation", run.outputLocation())
                .put("note", run.note());
        json.set("failure", failure(run));
        json.set("parameters", stored(run.parameters(), JSON.createObjectNode()));
        json.set("secretNames", stored(run.secretNames(), JSON.createArrayNode()));
        json.set("links", links(run.runId()));
        return json;
    }

    static ArrayNode runs(List<RunSummary> runs) {
        ArrayNode list = JSON.createArrayNode();
        runs.forEach(run -> list.add(run(run)));
        return list;
    }

    /**
     * A run that has just started: as the history shows it (null when the history has not caught up yet, then only
     * what is known for sure), with papermill's warnings.
     */
    static ObjectNode started(Runs.StartedRun started, RunSummary summary) {
        ObjectNode json = summary != null ? run(summary) : JSON.createObjectNode()
                .put("id", started.runId())
                .put("status", "REQUESTED")
                .put("outputLocation", started.outputLocation())
                .set("links", links(started.runId()));
        if (summary != null && summary.outputLocation() == null) {
            // where the output notebook will be written; the history shows it once it has been
            json.put("outputLocation", started.outputLocation());
        }
        ArrayNode warnings = json.putArray("warnings");
        started.warnings().forEach(warnings::add);
        return json;
    }

    static String self(String runId) {
        return "/quire/api/runs/" + runId;
    }

    private static ObjectNode links(String runId) {
        return JSON.createObjectNode()
                .put("self", self(runId))
                .put("events", self(runId) + "/events")
                .put("cancel", self(runId) + "/cancel");
    }

    private static JsonNode failure(RunSummary run) {
        if (run.failureKind() == null) {
            return JSON.nullNode();
        }
        return JSON.createObjectNode()
                .put("kind", run.failureKind())
                .put("message", run.failureMessage())
                .put("cellId", run.failedCellId())
                .put("cellIndex", run.failedCellIndex())
                .put("executionCount", run.failedExecutionCount());
    }

    /** A JSON column of the history (written by its projection, so always JSON). */
    private static JsonNode stored(String json, JsonNode absent) {
        if (json == null) {
            return absent;
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the run history holds malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Double seconds(Duration duration) {
        return duration == null ? null : duration.toMillis() / 1000.0;
    }
}
