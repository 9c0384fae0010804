package io.quire.kernel.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One end of a comm: a channel of custom messages between front end and kernel (widgets use them). Thread-safe.
 * Messages are sent on shell; the kernel's side arrives on iopub and goes to the {@link CommListener}.
 */
public interface Comm {

    /** The comm id, a UUID for comms this client opened. */
    String id();

    /** The target name it was opened with. */
    String targetName();

    /**
     * Sends a {@code comm_msg} with binary buffers.
     *
     * @return completes when handed to ZeroMQ; fails with {@link ClientClosedException} after close
     */
    CompletableFuture<Void> send(JsonNode data, List<byte[]> buffers);

    /** Sends a {@code comm_close}; the listener gets no more messages. Same future semantics as {@link #send}. */
    CompletableFuture<Void> close(JsonNode data);
}
