package io.quire.projections.runs;

import io.quire.domain.run.RunStatus;

import java.time.Duration;
import java.time.Instant;

/**
 * One run as the run history shows it: status, timing, the failing cell and where the output notebook is.
 *
 * @param source         what ran, e.g. {@code quire:reports/a.ipynb@12} or {@code s3://bucket/in.ipynb}
 * @param parameters     the parameters as JSON, secrets left out
 * @param secretNames    the names of the secret parameters, as a JSON array
 * @param cellsDone      cells ended so far, of {@code cellsTotal} (progress while it runs)
 * @param failedCellId   the failing cell, when a cell failed
 * @param outputLocation where the output notebook was written, once written
 */
public record RunSummary(String runId, String notebookId, Long version, String scheduleId, String source,
                         RunStatus status, String trigger, String requestedBy, Instant requestedAt,
                         Instant startedAt, Instant endedAt, String kernelName, int cellsTotal, int cellsDone,
                         String failedCellId, Integer failedCellIndex, Integer failedExecutionCount,
                         String failureKind, String failureMessage, String outputLocation, String retryOf,
                         String parameters, String secretNames, String note) {

    /** How long it took, from its request to its end (kernel start included), once it has ended. */
    public Duration duration() {
        if (endedAt == null) {
            return null;
        }
        return Duration.between(requestedAt, endedAt);
    }
}
