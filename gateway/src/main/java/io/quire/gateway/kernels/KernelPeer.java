package io.quire.gateway.kernels;

import io.quire.kernel.wire.Channel;
import io.quire.kernel.wire.Message;

/** A front end connected to a {@link ServedKernel} (one WebSocket of {@code /api/kernels/{id}/channels}). */
public interface KernelPeer {

    /** The client's session id ({@code ?session_id=}), which its requests carry in their header; may be null. */
    String sessionId();

    /** Who is connected: executions they send are recorded as theirs. */
    String user();

    /**
     * Sends a kernel message (or one the server made up, such as a {@code restarting} status) to the front end,
     * encoding it only if no other front end of the same wire format did already. A front end that does not read
     * fast enough may drop outputs (see its implementation). Called from any thread, the kernel client's I/O thread
     * included: must not block.
     */
    void deliver(OutgoingMessage message);

    /** Sends one message to this front end alone. Any thread; never blocks. */
    default void deliver(Channel channel, Message message) {
        deliver(new OutgoingMessage(channel, message));
    }

    /** How well the front end keeps up: bytes queued for it, outputs dropped. Any thread. */
    DeliveryCounts deliveryCounts();

    boolean isOpen();

    /** Ends the connection, telling the front end why (its kernel was shut down; a newer connection replaced it). */
    void close(String why);
}
