package io.quire.runtime.run;

import java.util.concurrent.CompletableFuture;

/** A run going on in this process: its end, and a way to stop it. */
public final class RunHandle {

    private final String runId;
    private final CompletableFuture<RunResult> result;
    private final CompletableFuture<Cancellation> cancellation;

    RunHandle(String runId, CompletableFuture<RunResult> result, CompletableFuture<Cancellation> cancellation) {
        this.runId = runId;
        this.result = result;
        this.cancellation = cancellation;
    }

    public String runId() {
        return runId;
    }

    /** Completes when the run has ended and its end is recorded; never completes exceptionally. */
    public CompletableFuture<RunResult> result() {
        return result;
    }

    /**
     * Stops the run: the cancellation is recorded, the running cell interrupted, and the run ends cancelled, its
     * output notebook showing what ran until then.
     */
    public void cancel(String reason, String user) {
        cancellation.complete(new Cancellation(reason == null ? "cancelled" : reason, user));
    }

    /** Who stopped a run, and why. */
    record Cancellation(String reason, String user) {
    }
}
