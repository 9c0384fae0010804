package io.quire.gateway.http.channels;

import io.quire.gateway.kernels.DeliveryCounts;
import io.quire.kernel.wire.Channel;
import io.quire.kernel.wire.Header;
import io.quire.kernel.wire.Json;
import io.quire.kernel.wire.Message;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What waits to be written to one front end, kept bounded when the front end does not read (a stalled browser tab,
 * a client on a slow link): once the WebSocket's Vert.x write queue is full ({@link ServerWebSocket#writeQueueFull}),
 * the front end's iopub outputs that only add text or pictures ({@code stream}, {@code display_data},
 * {@code update_display_data}) are dropped for it, and it is told once, with a {@code stream} message on
 * {@code stderr}, as Jupyter Server tells of its IOPub rate limit. Everything else is always written, so a front end
 * never misses the state of its kernel or the end of an execution: statuses, {@code execute_input},
 * {@code execute_result}, {@code error}, {@code clear_output}, comm messages, and every reply and input request.
 * When its queue drains, outputs flow again, and the next overflow tells it again. Other front ends of the kernel,
 * and the outputs recorded on the notebook, are not affected.
 *
 * <p>The queue is full when {@value #WRITE_QUEUE_BYTES} bytes written to the front end are not yet handed to its
 * connection (counted here, from each write to its completion), or when Vert.x says so
 * ({@link ServerWebSocket#writeQueueFull}, with {@link ServerWebSocket#setWriteQueueMaxSize} at that size) and at
 * least half that many are queued. Both, because Vert.x counts its queue in front of the connection in messages (16),
 * not bytes: it reports full for 16 small messages a healthy front end has yet to be sent, and not yet for 16
 * outputs of a megabyte each. The backlog of a front end that stops reading thus stays near
 * {@value #WRITE_QUEUE_BYTES} bytes, plus the messages that are always written. It has caught up when the queue
 * drains ({@link ServerWebSocket#drainHandler}) or half of it has been written.
 *
 * <p>{@link #write} is called from any thread (the kernel client's I/O thread); the drain handler runs on the
 * socket's event loop.
 */
final class ClientWriteQueue {

    private static final Logger LOG = LoggerFactory.getLogger(ClientWriteQueue.class);
    /** The iopub messages a slow front end may miss: they add output, the notebook's recorded copy keeps it. */
    private static final Set<String> SHEDDABLE = Set.of("stream", "display_data", "update_display_data");
    static final String NOTICE = "Quire is dropping output for this client: it is not reading as fast as the kernel"
            + " writes (its connection's write queue is full).\nStatuses, results, errors and replies still arrive;"
            + " output resumes once the client catches up.\nThe notebook keeps every output: reload it to see them"
            + " all.\n";

    /** How far behind a front end may fall before its outputs are dropped (Netty's high watermark; low is half). */
    static final int WRITE_QUEUE_BYTES = 16 * 1024 * 1024;

    private final ServerWebSocket socket;
    private final String kernelId;
    private final String sessionId;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicLong peakQueuedBytes = new AtomicLong();
    private final AtomicLong droppedMessages = new AtomicLong();
    private final AtomicLong droppedBytes = new AtomicLong();
    /** Set when the front end was told its outputs are dropped; cleared when its queue drains. */
    private final AtomicBoolean told = new AtomicBoolean();

    ClientWriteQueue(ServerWebSocket socket, String kernelId, String sessionId) {
        this.socket = socket;
        this.kernelId = kernelId;
        this.sessionId = sessionId;
    }

    /** Listens for the queue draining. Event loop, once. */
    void open() {
        socket.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
        socket.drainHandler(drained -> caughtUp());
    }

    private void caughtUp() {
        if (told.getAndSet(false)) {
            LOG.info("kernel {}: session {} caught up; {} outputs ({} bytes) dropped for it so far", kernelId,
                    sessionId, droppedMessages.get(), droppedBytes.get());
        }
    }

    /** Whether {@code message} may be dropped now: it is sheddable and the front end's queue is full. */
    boolean mustDrop(Channel channel, Message message) {
        long queued = queuedBytes.get();
        if (channel != Channel.IOPUB || !SHEDDABLE.contains(message.msgType()) || queued < WRITE_QUEUE_BYTES / 2) {
            return false;
        }
        if (queued >= WRITE_QUEUE_BYTES) {
            return true;
        }
        try {
            return socket.writeQueueFull();
        } catch (IllegalStateException closed) {
            return true; // closed meanwhile: nobody will read it
        }
    }

    /** Counts a dropped message; the first of a backlog is followed by the notice, in this front end's protocol. */
    void dropped(Message message, long bytes, WireProtocol protocol) {
        droppedMessages.incrementAndGet();
        droppedBytes.addAndGet(bytes);
        if (!told.getAndSet(true)) {
            LOG.warn("kernel {}: session {} does not read fast enough: dropping its outputs until it catches up",
                    kernelId, sessionId);
            write(protocol.encode(Channel.IOPUB, notice(message)));
        }
    }

    /** Writes a frame, counting its bytes as queued until Vert.x has handed them to the connection. */
    void write(Outbound frame) {
        long bytes = frame.size();
        peakQueuedBytes.accumulateAndGet(queuedBytes.addAndGet(bytes), Math::max);
        Future<Void> written = frame.text() != null ? socket.writeTextMessage(frame.text())
                : socket.writeBinaryMessage(frame.binary());
        written.onComplete(done -> {
            if (queuedBytes.addAndGet(-bytes) < WRITE_QUEUE_BYTES / 2 && told.get()) {
                caughtUp();
            }
        });
    }

    DeliveryCounts counts() {
        return new DeliveryCounts(queuedBytes.get(), peakQueuedBytes.get(), droppedMessages.get(), droppedBytes.get());
    }

    /** The notice, as a stderr stream of the dropped message's request, so the front end shows it by that cell. */
    private Message notice(Message dropped) {
        Header header = new Header(UUID.randomUUID().toString(), sessionId == null ? kernelId : sessionId, "quire",
                OffsetDateTime.now(ZoneOffset.UTC), "stream", Header.PROTOCOL_VERSION);
        return new Message(List.of(), header, dropped.parentHeader(), Json.object(),
                Json.object().put("name", "stderr").put("text", NOTICE), List.of());
    }
}
