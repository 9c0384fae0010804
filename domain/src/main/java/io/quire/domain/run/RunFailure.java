package io.quire.domain.run;

/**
 * Why a run failed, and where: enough to go straight to the failing cell.
 *
 * @param kind           what went wrong
 * @param cellId         the failing cell's id, when a cell failed
 * @param cellIndex      its position in the executed notebook (0-based), or null
 * @param executionCount its execution count ("In [N]"), or null
 * @param ename          the error's name (e.g. {@code ValueError}), or null
 * @param evalue         the error's value, or null
 * @param message        one line a person can act on
 */
public record RunFailure(Kind kind, String cellId, Integer cellIndex, Integer executionCount, String ename,
                         String evalue, String message) {

    /** The kinds of failure. */
    public enum Kind {
        /** A cell raised an error. */
        CELL_ERROR,
        /** A cell ran past the cell timeout. */
        CELL_TIMEOUT,
        /** The whole run ran past the run timeout. */
        RUN_TIMEOUT,
        /** The kernel died. */
        KERNEL_DIED,
        /** No kernel could be started. */
        KERNEL_UNAVAILABLE,
        /** The output notebook could not be written. */
        OUTPUT_NOT_WRITTEN,
        /** Quire stopped while the run was going. */
        ABANDONED
    }

    /** A failure not tied to a cell. */
    public static RunFailure of(Kind kind, String message) {
        return new RunFailure(kind, null, null, null, null, null, message);
    }
}
