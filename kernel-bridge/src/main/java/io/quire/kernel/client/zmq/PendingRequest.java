package io.quire.kernel.client.zmq;

import io.quire.kernel.client.ExecutionListener;
import io.quire.kernel.client.InputHandler;
import io.quire.kernel.wire.Message;
import java.util.concurrent.CompletableFuture;

/**
 * A request waiting for its answer. Most complete with their reply; those that {@code awaitIdle} (execute, and
 * kernel_info while probing readiness) complete only once the iopub {@code status: idle} with the same parent has
 * arrived as well, in either order, so that every output was delivered first. I/O thread only.
 */
final class PendingRequest {

    private final CompletableFuture<Message> result;
    private final boolean awaitIdle;
    private final ExecutionListener outputs;
    private final InputHandler input;
    private Message reply;
    private boolean idle;

    PendingRequest(CompletableFuture<Message> result, boolean awaitIdle, ExecutionListener outputs,
                   InputHandler input) {
        this.result = result;
        this.awaitIdle = awaitIdle;
        this.outputs = outputs;
        this.input = input;
    }

    /** A request answered by its reply alone. */
    static PendingRequest reply(CompletableFuture<Message> result) {
        return new PendingRequest(result, false, null, null);
    }

    CompletableFuture<Message> result() {
        return result;
    }

    /** Where its outputs go; {@code null} for requests that are not executions. */
    ExecutionListener outputs() {
        return outputs;
    }

    /** Who answers its input requests; {@code null} if none. */
    InputHandler input() {
        return input;
    }

    /** Records the reply; true if the request is now complete. */
    boolean onReply(Message message) {
        reply = message;
        return finishIfDone();
    }

    /** Records {@code status: idle}; true if the request is now complete. */
    boolean onIdle() {
        idle = true;
        return finishIfDone();
    }

    private boolean finishIfDone() {
        if (reply == null || (awaitIdle && !idle)) {
            return false;
        }
        result.complete(reply);
        return true;
    }
}
