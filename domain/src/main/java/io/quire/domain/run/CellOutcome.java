package io.quire.domain.run;

/** How one cell of a run ended. */
public enum CellOutcome {
    /** The cell ran to its end. */
    COMPLETED,
    /** The cell raised an error. */
    FAILED,
    /** The cell ran past its time limit and was interrupted. */
    TIMED_OUT,
    /** The kernel died while the cell ran. */
    KERNEL_DIED,
    /** The cell called {@code sys.exit()} with no error status: the run stops here, successfully. */
    EXITED,
    /** The run was cancelled or timed out while the cell ran. */
    INTERRUPTED
}
