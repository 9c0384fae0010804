package io.quire.runtime.run;

import io.quire.domain.run.RunFailure;
import io.quire.domain.run.RunStatus;

import java.time.Duration;

/**
 * How a run ended.
 *
 * @param outputLocation where its output notebook was published, or null when none could be
 * @param failure        why it failed, or null
 * @param note           more, e.g. that a {@code sys.exit()} stopped it early
 */
public record RunResult(String runId, RunStatus status, RunFailure failure, String outputLocation, String note,
                        Duration duration) {

    public boolean succeeded() {
        return status == RunStatus.SUCCEEDED;
    }
}
