package io.quire.domain.notebook;

/** How an execution of a cell ended. */
public enum ExecutionOutcome {
    /** The code ran to the end. */
    OK,
    /** The code raised an error. */
    ERROR,
    /** A user interrupted it. */
    INTERRUPTED,
    /** The kernel did not run it, because an earlier cell failed. */
    ABORTED,
    /** The kernel died while running it. */
    KERNEL_DIED
}
