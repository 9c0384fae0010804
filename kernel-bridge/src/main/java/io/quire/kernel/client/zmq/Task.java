package io.quire.kernel.client.zmq;

import java.util.concurrent.CompletableFuture;

/**
 * Work handed to the I/O thread, with the future to fail if it cannot run (the client closed first, or the
 * work threw).
 *
 * @param action runs on the I/O thread
 * @param owner  the caller's future, or {@code null} if nobody waits
 */
record Task(Runnable action, CompletableFuture<?> owner) {

    void fail(Throwable cause) {
        if (owner != null) {
            owner.completeExceptionally(cause);
        }
    }
}
