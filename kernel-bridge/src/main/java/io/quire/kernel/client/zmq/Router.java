package io.quire.kernel.client.zmq;

import io.quire.kernel.client.CommListener;
import io.quire.kernel.client.CommTarget;
import io.quire.kernel.client.KernelDiedException;
import io.quire.kernel.client.KernelException;
import io.quire.kernel.client.KernelListener;
import io.quire.kernel.message.CommMessage;
import io.quire.kernel.message.InputRequest;
import io.quire.kernel.message.Output;
import io.quire.kernel.wire.Channel;
import io.quire.kernel.wire.Json;
import io.quire.kernel.wire.Message;
import io.quire.kernel.wire.RejectedMessageException;
import io.quire.kernel.wire.Session;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the frames the I/O loop receives into messages and takes each where it belongs: replies to their pending
 * request, iopub outputs and idle status to their execution, input requests to the execution's handler, comm
 * traffic to comm listeners, and everything to the {@link KernelListener}s. Runs on the I/O thread, except the
 * comm and target maps and the listener list, which callers may change from any thread.
 */
final class Router implements IoLoop.Inbound {

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final Session session;
    private final List<KernelListener> listeners = new CopyOnWriteArrayList<>();
    private final Outbox outbox;
    private final BiFunction<String, String, ZmqComm> comms;
    private final Map<String, PendingRequest> pending = new HashMap<>();
    /** execute_requests relayed for other front ends, until their reply: their input requests are not ours. */
    private final Set<String> relayed = new HashSet<>();
    private final Map<String, CommListener> commListeners = new ConcurrentHashMap<>();
    private final Map<String, CommTarget> targets = new ConcurrentHashMap<>();
    private final CompletableFuture<KernelDiedException> death = new CompletableFuture<>();
    private final AtomicLong rejected = new AtomicLong();
    private KernelException terminal;

    /** How the router answers: sends from the I/O thread and suspends the heartbeat after a shutdown. */
    interface Outbox {
        void send(Channel channel, Message message);

        CompletableFuture<Void> post(Channel channel, Message message);

        void suspendHeartbeat();
    }

    Router(Session session, KernelListener listener, Outbox outbox, BiFunction<String, String, ZmqComm> comms) {
        this.session = session;
        if (listener != KernelListener.NONE) {
            listeners.add(listener);
        }
        this.outbox = outbox;
        this.comms = comms;
    }

    /** Registers a request before it is sent; fails it at once if the kernel is already dead. I/O thread. */
    boolean expect(String msgId, PendingRequest request) {
        if (terminal != null) {
            request.result().completeExceptionally(terminal);
            return false;
        }
        pending.put(msgId, request);
        return true;
    }

    /** Drops a request nobody waits for any more (a superseded readiness probe). I/O thread. */
    void forget(String msgId) {
        pending.remove(msgId);
    }

    void addComm(String commId, CommListener commListener) {
        commListeners.put(commId, commListener);
    }

    void removeComm(String commId) {
        commListeners.remove(commId);
    }

    void addListener(KernelListener listener) {
        listeners.add(listener);
    }

    void removeListener(KernelListener listener) {
        listeners.remove(listener);
    }

    /** Marks an execute_request sent for another front end: its input requests go to the listeners only. I/O thread. */
    void relayed(String msgId) {
        relayed.add(msgId);
    }

    void addTarget(String targetName, CommTarget target) {
        targets.put(targetName, target);
    }

    CompletableFuture<KernelDiedException> death() {
        return death;
    }

    long rejectedCount() {
        return rejected.get();
    }

    @Override
    public void onFrames(Channel channel, List<byte[]> frames) {
        Message message;
        try {
            message = session.deserialize(frames);
        } catch (RejectedMessageException e) {
            reject(channel, e);
            return;
        }
        try {
            switch (channel) {
                case SHELL, CONTROL -> onReply(channel, message);
                case IOPUB -> onIopub(message);
                case STDIN -> onStdin(message);
                case HEARTBEAT -> { }
            }
        } catch (RuntimeException e) {
            log.error("Routing {} {} failed", channel, message.msgType(), e);
        }
        for (KernelListener listener : listeners) {
            Callbacks.run("kernel listener", () -> listener.onMessage(channel, message));
        }
    }

    /** Logged once per client at WARN, then at DEBUG: a flood of forgeries must not flood the log too. */
    private void reject(Channel channel, RejectedMessageException e) {
        if (rejected.getAndIncrement() == 0) {
            log.warn("Dropped a {} message on {} ({}); further rejections are counted and logged at DEBUG",
                    e.reason(), channel, e.getMessage(), e);
        } else {
            log.debug("Dropped a {} message on {}: {}", e.reason(), channel, e.getMessage());
        }
    }

    private void onReply(Channel channel, Message message) {
        String parent = message.parentMsgId().orElse(null);
        if (parent != null && channel == Channel.SHELL) {
            relayed.remove(parent);
        }
        PendingRequest request = parent == null ? null : pending.get(parent);
        if (request != null && request.onReply(message)) {
            pending.remove(parent);
        }
        if (channel == Channel.CONTROL && message.msgType().equals("shutdown_reply")) {
            outbox.suspendHeartbeat();
            failAll(new KernelDiedException("kernel shut down", 0), false);
        }
    }

    private void onIopub(Message message) {
        String type = message.msgType();
        if (type.startsWith("comm_")) {
            onComm(message);
            return;
        }
        String parent = message.parentMsgId().orElse(null);
        PendingRequest request = parent == null ? null : pending.get(parent);
        if (request == null) {
            return;
        }
        if (type.equals("status") && "idle".equals(Json.text(message.content(), "execution_state", null))) {
            if (request.onIdle()) {
                pending.remove(parent);
            }
        } else if (type.equals("execute_input") && request.outputs() != null) {
            int count = message.content().path("execution_count").asInt(0);
            Callbacks.run("execution listener", () -> request.outputs().onStart(count));
        } else if (request.outputs() != null) {
            Output.from(message).ifPresent(output ->
                    Callbacks.run("execution listener", () -> request.outputs().onOutput(output)));
        }
    }

    private void onComm(Message message) {
        CommMessage comm = CommMessage.from(message);
        switch (message.msgType()) {
            case "comm_open" -> {
                String targetName = Json.text(message.content(), "target_name", "");
                CommTarget target = targets.get(targetName);
                if (target != null) {
                    Callbacks.run("comm target " + targetName, () -> commListeners.put(comm.commId(),
                            target.opened(comms.apply(comm.commId(), targetName), comm)));
                }
            }
            case "comm_msg" -> {
                CommListener commListener = commListeners.get(comm.commId());
                if (commListener != null) {
                    Callbacks.run("comm listener", () -> commListener.onMessage(comm));
                }
            }
            case "comm_close" -> {
                CommListener commListener = commListeners.remove(comm.commId());
                if (commListener != null) {
                    Callbacks.run("comm listener", () -> commListener.onClose(comm));
                }
            }
            default -> log.debug("Ignoring unknown comm message type {}", message.msgType());
        }
    }

    private void onStdin(Message message) {
        if (!message.msgType().equals("input_request")
                || message.parentMsgId().filter(relayed::contains).isPresent()) {
            return;
        }
        PendingRequest request = message.parentMsgId().map(pending::get).orElse(null);
        if (request == null || request.input() == null) {
            // The kernel blocks in input() until answered; an empty answer lets it go on.
            log.warn("input_request without a handler (parent {}); answering with an empty string",
                    message.parentMsgId().orElse("none"));
            answerInput(message, "");
            return;
        }
        InputRequest input = InputRequest.from(message.content());
        Callbacks.stage("input handler", () -> request.input().answer(input))
                .whenComplete((value, failure) -> {
                    if (failure != null) {
                        log.warn("Input handler failed; answering with an empty string", failure);
                    }
                    outbox.post(Channel.STDIN, inputReply(message, failure == null && value != null ? value : ""));
                });
    }

    private void answerInput(Message request, String value) {
        outbox.send(Channel.STDIN, inputReply(request, value));
    }

    private Message inputReply(Message request, String value) {
        return session.message("input_reply", Json.object().put("value", value), request.header(), List.of());
    }

    @Override
    public void onHeartbeatLost(int missedBeats) {
        KernelDiedException died = new KernelDiedException(
                "kernel missed " + missedBeats + " consecutive heartbeats", missedBeats);
        failAll(died, true);
        death.complete(died);
    }

    @Override
    public void onStopped(KernelException cause) {
        failAll(cause, true);
    }

    /** Fails every pending request; a terminal failure also fails every later one. */
    private void failAll(KernelException cause, boolean permanent) {
        if (permanent && terminal == null) {
            terminal = cause;
        }
        List<PendingRequest> failed = List.copyOf(pending.values());
        pending.clear();
        relayed.clear();
        failed.forEach(request -> request.result().completeExceptionally(cause));
    }
}
