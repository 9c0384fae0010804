package io.quire.domain.run;

/** Where a run stands. */
public enum RunStatus {
    REQUESTED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    /** Whether the run is over: nothing more will be recorded on it. */
    public boolean ended() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
