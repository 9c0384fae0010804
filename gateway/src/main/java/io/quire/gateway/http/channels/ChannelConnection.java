package io.quire.gateway.http.channels;

import io.quire.gateway.kernels.DeliveryCounts;
import io.quire.gateway.kernels.KernelPeer;
import io.quire.gateway.kernels.OutgoingMessage;
import io.quire.gateway.kernels.ServedKernel;
import io.quire.kernel.wire.Channel;
import io.quire.kernel.wire.Message;
import io.vertx.core.http.ServerWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One WebSocket of {@code /api/kernels/{id}/channels}: what the front end sends goes to its kernel, what the
 * kernel sends for it (and all iopub) comes back, in the protocol negotiated at the upgrade.
 *
 * <p>A frame that is not a kernel message closes the connection with status 1007 and a reason saying what is
 * wrong (nothing of it is sent to the kernel); a message for a channel a front end cannot send on is dropped with a
 * warning, as Jupyter does. A front end that does not read fast enough misses outputs, not state (see
 * {@link ClientWriteQueue}). Frames are handled on the socket's event loop; {@link #deliver} may be called from any
 * thread.
 */
final class ChannelConnection implements KernelPeer {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelConnection.class);
    /** WebSocket close status: the payload was not consistent with the type of the message (RFC 6455). */
    private static final short INVALID_PAYLOAD = 1007;
    private static final short NORMAL = 1000;
    /** A close reason must fit in a control frame: at most 123 bytes of UTF-8. */
    private static final int MAX_REASON_BYTES = 123;

    private final ServerWebSocket socket;
    private final ServedKernel kernel;
    private final WireProtocol protocol;
    private final String user;
    private final String sessionId;
    private final ClientWriteQueue queue;

    ChannelConnection(ServerWebSocket socket, ServedKernel kernel, WireProtocol protocol, String user,
                      String sessionId) {
        this.socket = socket;
        this.kernel = kernel;
        this.protocol = protocol;
        this.user = user;
        this.sessionId = sessionId;
        this.queue = new ClientWriteQueue(socket, kernel.id(), sessionId);
    }

    /** Wires the socket's handlers and joins the kernel. Event loop. */
    void open() {
        socket.textMessageHandler(text -> receive(() -> protocol.decode(text)));
        socket.binaryMessageHandler(binary -> receive(() -> protocol.decode(binary)));
        socket.closeHandler(closed -> kernel.detach(this));
        queue.open();
        socket.exceptionHandler(failure -> LOG.debug("kernel {}: WebSocket of session {} failed", kernel.id(),
                sessionId, failure));
        kernel.attach(this);
    }

    private interface Decoding {
        Inbound decode() throws BadFrameException;
    }

    private void receive(Decoding decoding) {
        Inbound inbound;
        try {
            inbound = decoding.decode();
        } catch (BadFrameException e) {
            LOG.warn("kernel {}: closing the WebSocket of session {} ({}): {}", kernel.id(), sessionId, user,
                    e.getMessage());
            socket.close(INVALID_PAYLOAD, reason("not a kernel message: " + e.getMessage()));
            return;
        }
        Channel channel = switch (inbound.channel().toLowerCase(Locale.ROOT)) {
            case "shell" -> Channel.SHELL;
            case "control" -> Channel.CONTROL;
            case "stdin" -> Channel.STDIN;
            default -> null;
        };
        if (channel == null) {
            LOG.warn("kernel {}: dropped a {} for channel '{}' (front ends send on shell, control and stdin)",
                    kernel.id(), inbound.message().msgType(), inbound.channel());
            return;
        }
        kernel.send(this, channel, inbound.message());
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public void deliver(OutgoingMessage outgoing) {
        if (socket.isClosed()) {
            return;
        }
        Outbound frame;
        try {
            frame = outgoing.encoded(protocol, protocol::encode);
        } catch (RuntimeException e) {
            LOG.error("kernel {}: cannot encode a {} for session {}", kernel.id(), outgoing.message().msgType(),
                    sessionId, e);
            return;
        }
        if (queue.mustDrop(outgoing.channel(), outgoing.message())) {
            queue.dropped(outgoing.message(), frame.size(), protocol);
        } else {
            queue.write(frame);
        }
    }

    @Override
    public DeliveryCounts deliveryCounts() {
        return queue.counts();
    }

    @Override
    public boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close(String why) {
        if (!socket.isClosed()) {
            socket.close(NORMAL, reason(why));
        }
    }

    private static String reason(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_REASON_BYTES) {
            return text;
        }
        String cut = new String(bytes, 0, MAX_REASON_BYTES - 3, StandardCharsets.UTF_8);
        // a cut inside a multi-byte character decodes to U+FFFD, which re-encodes longer: drop it
        while (cut.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES - 3) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "...";
    }
}
