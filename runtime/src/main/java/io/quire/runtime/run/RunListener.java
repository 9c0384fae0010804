package io.quire.runtime.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.domain.run.CellOutcome;

/**
 * Follows a run live: the command line's progress bar and {@code --log-output}, the API's event stream. Called from
 * the run's threads (outputs from the kernel client's I/O thread): return quickly, never block.
 */
public interface RunListener {

    /** A listener that follows nothing. */
    RunListener NONE = new RunListener() {
    };

    /** The run has its kernel; {@code codeCells} cells will execute. */
    default void started(String kernelName, int codeCells) {
    }

    /** Cell {@code number} (1-based, of {@code total} code cells) started. */
    default void cellStarted(String cellId, int number, int total) {
    }

    /** An output of the running cell (secrets already masked). */
    default void output(String cellId, JsonNode output) {
    }

    /** The running cell ended. */
    default void cellEnded(String cellId, int number, int total, CellOutcome outcome) {
    }

    /** The run is over. */
    default void ended(RunResult result) {
    }
}
