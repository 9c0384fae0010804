package io.quire.runtime.kernel;

import java.util.concurrent.CompletableFuture;

/** Where a kernel runs, seen from the kernel's owner: a local process now, a pod later. */
public interface KernelProcess {

    /** Sends SIGINT (for signal-mode kernels). */
    CompletableFuture<Void> interrupt();

    boolean isAlive();

    /** Completes when the kernel process has exited. */
    CompletableFuture<Void> onExit();

    /** Stops the process at once (SIGKILL) and cleans up after it. */
    void kill();

    /** The last lines the kernel wrote to stdout and stderr, for diagnosis. */
    String recentOutput();
}
