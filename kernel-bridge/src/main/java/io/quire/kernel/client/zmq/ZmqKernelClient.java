package io.quire.kernel.client.zmq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.kernel.client.Comm;
import io.quire.kernel.client.CommListener;
import io.quire.kernel.client.CommTarget;
import io.quire.kernel.client.ExecutionListener;
import io.quire.kernel.client.InputHandler;
import io.quire.kernel.client.Interrupter;
import io.quire.kernel.client.KernelClient;
import io.quire.kernel.client.KernelDiedException;
import io.quire.kernel.client.KernelException;
import io.quire.kernel.client.KernelListener;
import io.quire.kernel.connection.ConnectionInfo;
import io.quire.kernel.message.CommInfoReply;
import io.quire.kernel.message.CompleteReply;
import io.quire.kernel.message.ExecuteReply;
import io.quire.kernel.message.ExecuteRequest;
import io.quire.kernel.message.HistoryReply;
import io.quire.kernel.message.HistoryRequest;
import io.quire.kernel.message.InspectReply;
import io.quire.kernel.message.IsCompleteReply;
import io.quire.kernel.message.KernelInfo;
import io.quire.kernel.message.ShutdownReply;
import io.quire.kernel.spec.InterruptMode;
import io.quire.kernel.wire.Channel;
import io.quire.kernel.wire.Json;
import io.quire.kernel.wire.Message;
import io.quire.kernel.wire.Session;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A {@link KernelClient} over ZeroMQ (JeroMQ): one session, one I/O thread owning all five sockets. Create it with
 * {@link #builder(ConnectionInfo)}; it connects at once (ZeroMQ reconnects by itself until the kernel listens), so
 * call {@link #ready(Duration)} before the first execution.
 */
public final class ZmqKernelClient implements KernelClient {

    /** How often readiness asks again: a kernel binds its ports some 100-700 ms after it starts. */
    private static final Duration READY_RETRY = Duration.ofMillis(200);

    private final Session session;
    private final InterruptMode interruptMode;
    private final Interrupter interrupter;
    private final Router router;
    private final IoLoop loop;

    ZmqKernelClient(ZmqKernelClientBuilder options) {
        this.session = new Session(options.info().signer(), options.username());
        this.interruptMode = options.interruptMode();
        this.interrupter = options.interrupter();
        this.router = new Router(session, options.listener(), new LoopOutbox(), this::comm);
        this.loop = new IoLoop(options.info(), session.id().getBytes(StandardCharsets.UTF_8),
                options.heartbeatInterval(), options.allowedMisses(), router);
        loop.start();
    }

    /** Options for a client of the kernel described by {@code info}; see {@link ZmqKernelClientBuilder}. */
    public static ZmqKernelClientBuilder builder(ConnectionInfo info) {
        return new ZmqKernelClientBuilder(info);
    }

    /** This client's session id: the {@code session} of its headers and the identity of its DEALER sockets. */
    public String sessionId() {
        return session.id();
    }

    @Override
    public CompletableFuture<KernelInfo> ready(Duration timeout) {
        ReadinessProbe.Attempts attempts = new ReadinessProbe.Attempts() {
            @Override
            public String send(CompletableFuture<Message> result) {
                Message request = session.message("kernel_info_request", Json.object(), null, List.of());
                dispatch(Channel.SHELL, request, new PendingRequest(result, true, null, null));
                return request.msgId();
            }

            @Override
            public void forget(String msgId) {
                loop.submit(() -> router.forget(msgId), null);
            }
        };
        return ReadinessProbe.run(attempts, timeout, READY_RETRY).thenApply(reply -> {
            loop.submit(loop::resumeHeartbeat, null);
            return KernelInfo.from(reply.content());
        });
    }

    @Override
    public CompletableFuture<KernelInfo> kernelInfo() {
        return call(Channel.SHELL, "kernel_info_request", Json.object(), KernelInfo::from);
    }

    @Override
    public CompletableFuture<ExecuteReply> execute(ExecuteRequest request, ExecutionListener listener) {
        return execute(request, listener, null);
    }

    @Override
    public CompletableFuture<ExecuteReply> execute(ExecuteRequest request, ExecutionListener listener,
                                                   InputHandler input) {
        Objects.requireNonNull(listener, "listener (use ExecutionListener.IGNORE)");
        Message message = session.message("execute_request", request.toContent(input != null), null, List.of());
        PendingRequest pending = new PendingRequest(new CompletableFuture<>(), true, listener, input);
        return dispatch(Channel.SHELL, message, pending).thenApply(reply -> ExecuteReply.from(reply.content()));
    }

    @Override
    public CompletableFuture<CompleteReply> complete(String code, int cursorPos) {
        ObjectNode content = Json.object().put("code", code).put("cursor_pos", cursorPos);
        return call(Channel.SHELL, "complete_request", content, CompleteReply::from);
    }

    @Override
    public CompletableFuture<InspectReply> inspect(String code, int cursorPos, int detailLevel) {
        ObjectNode content = Json.object().put("code", code).put("cursor_pos", cursorPos)
                .put("detail_level", detailLevel);
        return call(Channel.SHELL, "inspect_request", content, InspectReply::from);
    }

    @Override
    public CompletableFuture<IsCompleteReply> isComplete(String code) {
        return call(Channel.SHELL, "is_complete_request", Json.object().put("code", code), IsCompleteReply::from);
    }

    @Override
    public CompletableFuture<HistoryReply> history(HistoryRequest request) {
        return call(Channel.SHELL, "history_request", request.toContent(), HistoryReply::from);
    }

    @Override
    public CompletableFuture<CommInfoReply> commInfo(String targetName) {
        ObjectNode content = Json.object();
        if (targetName != null) {
            content.put("target_name", targetName);
        }
        return call(Channel.SHELL, "comm_info_request", content, CommInfoReply::from);
    }

    @Override
    public Comm openComm(String targetName, JsonNode data, List<byte[]> buffers, CommListener listener) {
        Objects.requireNonNull(listener, "listener");
        ZmqComm comm = comm(UUID.randomUUID().toString(), targetName);
        ObjectNode content = Json.object().put("comm_id", comm.id()).put("target_name", targetName);
        content.set("data", data == null ? Json.object() : data);
        router.addComm(comm.id(), listener); // before sending: the kernel may answer at once
        post(Channel.SHELL, session.message("comm_open", content, null, buffers));
        return comm;
    }

    @Override
    public void registerCommTarget(String targetName, CommTarget target) {
        router.addTarget(targetName, target);
    }

    @Override
    public CompletableFuture<Void> interrupt() {
        if (interruptMode == InterruptMode.MESSAGE) {
            return call(Channel.CONTROL, "interrupt_request", Json.object(), content -> null);
        }
        if (interrupter == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "signal-mode kernel and no Interrupter given: only the process owner can send SIGINT"));
        }
        return Callbacks.stage("interrupter", interrupter::interrupt);
    }

    @Override
    public CompletableFuture<ShutdownReply> shutdown(boolean restart) {
        return call(Channel.CONTROL, "shutdown_request", Json.object().put("restart", restart), ShutdownReply::from);
    }

    @Override
    public CompletableFuture<Message> request(Channel channel, Message message) {
        if (channel != Channel.SHELL && channel != Channel.CONTROL) {
            throw new IllegalArgumentException("requests with replies go on shell or control, not " + channel);
        }
        return dispatch(channel, message, PendingRequest.reply(new CompletableFuture<>()));
    }

    @Override
    public CompletableFuture<Void> send(Channel channel, Message message) {
        if (channel == Channel.IOPUB || channel == Channel.HEARTBEAT) {
            throw new IllegalArgumentException("a client sends on shell, control or stdin, not " + channel);
        }
        List<byte[]> frames = session.serialize(message);
        boolean execution = channel == Channel.SHELL && message.msgType().equals("execute_request");
        CompletableFuture<Void> sent = new CompletableFuture<>();
        loop.submit(() -> {
            if (execution) {
                router.relayed(message.msgId());
            }
            if (loop.send(channel, frames)) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(new KernelException("ZeroMQ refused " + message.msgType()
                        + ": send queue full"));
            }
        }, sent);
        return sent;
    }

    @Override
    public void addListener(KernelListener listener) {
        router.addListener(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(KernelListener listener) {
        router.removeListener(listener);
    }

    @Override
    public CompletableFuture<KernelDiedException> death() {
        return router.death().copy();
    }

    @Override
    public long rejectedMessageCount() {
        return router.rejectedCount();
    }

    @Override
    public void close() {
        loop.close();
    }

    private <T> CompletableFuture<T> call(Channel channel, String msgType, ObjectNode content,
                                          Function<JsonNode, T> reader) {
        Message message = session.message(msgType, content, null, List.of());
        return dispatch(channel, message, PendingRequest.reply(new CompletableFuture<>()))
                .thenApply(reply -> reader.apply(reply.content()));
    }

    /** Serializes on the caller's thread (signing is CPU work), then registers and sends on the I/O thread. */
    private CompletableFuture<Message> dispatch(Channel channel, Message message, PendingRequest pending) {
        List<byte[]> frames = session.serialize(message);
        loop.submit(() -> {
            if (router.expect(message.msgId(), pending) && !loop.send(channel, frames)) {
                router.forget(message.msgId());
                pending.result().completeExceptionally(
                        new KernelException("ZeroMQ refused " + message.msgType() + ": send queue full"));
            }
        }, pending.result());
        return pending.result();
    }

    private CompletableFuture<Void> post(Channel channel, Message message) {
        return loop.post(channel, session.serialize(message));
    }

    private ZmqComm comm(String commId, String targetName) {
        return new ZmqComm(commId, targetName, session, this::post, router::removeComm);
    }

    /** The router's way out: direct sends on the I/O thread, posts from elsewhere. */
    private final class LoopOutbox implements Router.Outbox {
        @Override
        public void send(Channel channel, Message message) {
            loop.send(channel, session.serialize(message));
        }

        @Override
        public CompletableFuture<Void> post(Channel channel, Message message) {
            return ZmqKernelClient.this.post(channel, message);
        }

        @Override
        public void suspendHeartbeat() {
            loop.suspendHeartbeat();
        }
    }
}
