package io.quire.gateway.kernels;

import io.quire.kernel.spec.KernelSpec;
import io.quire.kernel.wire.Channel;
import io.quire.kernel.wire.Json;
import io.quire.kernel.wire.Message;
import io.quire.runtime.execution.ExecutionRecorder;
import io.quire.runtime.kernel.RunningKernel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * One kernel as Jupyter front ends see it: an id that stays across restarts, the process behind it (a restart
 * replaces it), its execution state and last activity, and the front ends connected to it. It relays their messages
 * to the kernel, and the kernel's back: iopub to every front end, replies and input requests to the front end whose
 * request caused them. A kernel that dies is restarted, as Jupyter's restarter does, unless it keeps dying; front
 * ends get the status messages Jupyter Server makes up then: {@code restarting}, or {@code dead} when it stays dead.
 *
 * <p>Threads: kernel messages arrive on the kernel client's I/O thread (nothing here blocks it); front ends send
 * from Vert.x event loops; {@link #restart()} and {@link #shutdown()} block and belong on worker threads.
 */
public final class ServedKernel {

    private static final Logger LOG = LoggerFactory.getLogger(ServedKernel.class);
    /** As Jupyter's restarter: a kernel that died this many times in a row, each soon after starting, stays dead. */
    private static final int RESTART_LIMIT = 5;
    private static final Duration STABLE_AFTER = Duration.ofSeconds(10);
    /** Messages front ends send while the kernel restarts, sent to the new one. */
    private static final int PENDING_LIMIT = 1_000;

    private final String id;
    private final KernelSpec spec;
    private final Function<KernelSpec, RunningKernel> launcher;
    private final ExecutionRecording recording;
    private final ExecutionRecorder.Sequence recordingOrder;
    private final Executor lifecycle;
    private final BooleanSupplier serverStopping;
    private final FrontEnds frontEnds;

    /** Restart, death handling and shutdown: one at a time. Taken before {@link #lock}, never after. */
    private final Object lifecycleLock = new Object();
    /** The current kernel and what front ends send while there is none. Taken before the front ends' lock. */
    private final Object lock = new Object();
    private RunningKernel current;
    private volatile int generation;
    private Instant generationStarted = Instant.now();
    private boolean restarting;
    private boolean shutDown;
    private int rapidDeaths;
    private final List<Pending> pending = new ArrayList<>();

    private volatile String executionState = "starting";
    private volatile String reason = "";
    private volatile Instant lastActivity = Instant.now();
    /** Requests waiting for their reply: who sent them. */
    private final Map<String, KernelPeer> replyRoutes = new ConcurrentHashMap<>();
    private final Map<String, RecordedExecution> recordings = new ConcurrentHashMap<>();

    private record Pending(Channel channel, Message message) {
    }

    ServedKernel(String id, KernelSpec spec, Function<KernelSpec, RunningKernel> launcher,
                 ExecutionRecording recording, Executor lifecycle, BooleanSupplier serverStopping) {
        this.id = id;
        this.frontEnds = new FrontEnds(id);
        this.spec = spec;
        this.launcher = launcher;
        this.recording = recording;
        this.recordingOrder = recording.sequence();
        this.lifecycle = lifecycle;
        this.serverStopping = serverStopping;
    }

    public String id() {
        return id;
    }

    /** The kernelspec's name. */
    public String name() {
        return spec.name();
    }

    /** As Jupyter reports it: starting, idle, busy, restarting or dead. */
    public String executionState() {
        return executionState;
    }

    /** Why the kernel is dead; empty otherwise. */
    public String reason() {
        return reason;
    }

    /** When the kernel last published something on iopub. */
    public Instant lastActivity() {
        return lastActivity;
    }

    public int connections() {
        return frontEnds.size();
    }

    /** The front ends connected now (one per channels WebSocket). */
    public List<KernelPeer> frontEnds() {
        return frontEnds.connected();
    }

    /** Starts the first kernel process; blocking. Fails with what the launcher threw. */
    void start() {
        synchronized (lifecycleLock) {
            launch();
        }
    }

    // ---- front ends ----

    /**
     * Connects a front end. An open connection with the same session id is replaced (a client that reconnects
     * before its old socket was noticed gone), and what was kept for a returning session is sent to it first.
     */
    public void attach(KernelPeer peer) {
        frontEnds.attach(peer, executionState.equals("dead"));
    }

    /** Disconnects a front end; if it was the last, messages for its session are kept until it returns. */
    public void detach(KernelPeer peer) {
        frontEnds.detach(peer);
    }

    /**
     * Sends a front end's message to the kernel, as it is (its header, its session). Replies to it will go back to
     * {@code from}; an execution may be recorded (see {@link ExecutionRecording}). While the kernel restarts,
     * messages wait for the new one; to a dead kernel they are dropped. Event loop; never blocks.
     */
    public void send(KernelPeer from, Channel channel, Message message) {
        RunningKernel target;
        synchronized (lock) {
            if (current == null && !restarting) {
                LOG.debug("kernel {} is {}: dropped a {} from a front end", id, executionState, message.msgType());
                return;
            }
            if ((channel == Channel.SHELL || channel == Channel.CONTROL) && message.msgType().endsWith("_request")) {
                replyRoutes.put(message.msgId(), from);
            }
            if (channel == Channel.SHELL && message.msgType().equals("execute_request")) {
                RecordedExecution recorded = recording.begin(id, recordingOrder, from.user(), message);
                if (recorded != null) {
                    recordings.put(message.msgId(), recorded);
                }
            }
            if (current == null) {
                if (pending.size() < PENDING_LIMIT) {
                    pending.add(new Pending(channel, message));
                } else {
                    LOG.warn("kernel {} is restarting and {} messages wait already: dropped a {}", id,
                            PENDING_LIMIT, message.msgType());
                }
                return;
            }
            target = current;
        }
        target.client().send(channel, message).whenComplete((sent, failure) -> {
            if (failure != null) {
                LOG.warn("kernel {}: could not send a {} on {}: {}", id, message.msgType(), channel,
                        failure.getMessage());
            }
        });
    }

    // ---- kernel messages (I/O thread) ----

    private void onKernelMessage(int fromGeneration, Channel channel, Message message) {
        if (fromGeneration != generation) {
            return; // a kernel that was restarted or shut down: its last words go nowhere
        }
        String parent = message.parentMsgId().orElse(null);
        switch (channel) {
            case IOPUB -> {
                lastActivity = Instant.now();
                if (message.msgType().equals("status")) {
                    executionState = Json.text(message.content(), "execution_state", executionState);
                }
                RecordedExecution recorded = parent == null ? null : recordings.get(parent);
                if (recorded != null && recorded.onIopub(message)) {
                    recordings.remove(parent);
                }
                frontEnds.broadcast(channel, message);
            }
            case SHELL, CONTROL -> {
                RecordedExecution recorded = parent == null ? null : recordings.get(parent);
                if (recorded != null && recorded.onReply(message)) {
                    recordings.remove(parent);
                }
                frontEnds.answer(parent == null ? null : replyRoutes.remove(parent), channel, message);
            }
            case STDIN -> frontEnds.answer(parent == null ? null : replyRoutes.get(parent), channel, message);
            case HEARTBEAT -> { }
        }
    }

    // ---- lifecycle (workers) ----

    /** Interrupts the running cell. Fails with {@link IllegalStateException} when no kernel runs (restarting, dead). */
    public CompletableFuture<Void> interrupt() {
        RunningKernel target;
        synchronized (lock) {
            target = current;
        }
        if (target == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("kernel " + id + " is " + executionState
                    + ": there is nothing to interrupt"));
        }
        return target.client().interrupt();
    }

    /**
     * Replaces the kernel process with a new one of the same spec; the id stays. As with Jupyter Server, front ends
     * get no {@code restarting} for a restart someone asked for (clients take that status for a kernel that died:
     * JupyterLab then says so): they see {@code starting}, then the new kernel's own statuses. Recorded executions
     * still running end as {@code kernel_died}. Blocking (seconds).
     *
     * @throws io.quire.runtime.kernel.KernelLaunchException when the new kernel does not start (it is then dead)
     * @throws IllegalStateException when the kernel was shut down meanwhile
     */
    public void restart() {
        synchronized (lifecycleLock) {
            if (shutDown) {
                throw new IllegalStateException("kernel " + id + " was shut down");
            }
            replace("the kernel was restarted", true, false);
            launch();
        }
    }

    /**
     * Stops the kernel for good: front ends get {@code dead} and are disconnected; recorded executions still running
     * end as {@code kernel_died}. Blocking (up to a few seconds). Idempotent.
     */
    public void shutdown() {
        synchronized (lifecycleLock) {
            RunningKernel stopping;
            synchronized (lock) {
                if (shutDown) {
                    return;
                }
                shutDown = true;
                restarting = false;
                generation++;
                stopping = current;
                current = null;
                pending.clear();
            }
            executionState = "dead";
            abandonExecutions("the kernel was shut down");
            if (stopping != null) {
                stopping.close();
            }
            frontEnds.closeAll("the kernel was shut down");
        }
    }

    /**
     * Takes the kernel out and stops its process. When a new one follows, what front ends send meanwhile waits for
     * it, and {@code announce} tells them the kernel is {@code restarting}. Lifecycle lock held.
     */
    private void replace(String why, boolean restartFollows, boolean announce) {
        RunningKernel old;
        synchronized (lock) {
            generation++;
            old = current;
            current = null;
            restarting = restartFollows;
            if (!restartFollows) {
                pending.clear();
            }
        }
        if (restartFollows) {
            executionState = "restarting";
        }
        if (announce) {
            frontEnds.status("restarting");
        }
        abandonExecutions(why);
        if (old != null) {
            old.close();
        }
    }

    /** Starts a kernel process and makes it current. Lifecycle lock held. */
    private void launch() {
        RunningKernel fresh;
        try {
            fresh = launcher.apply(spec);
        } catch (RuntimeException e) {
            synchronized (lock) {
                restarting = false;
                pending.clear();
            }
            reason = e.getMessage() == null ? e.toString() : e.getMessage();
            executionState = "dead";
            frontEnds.status("dead");
            throw e;
        }
        synchronized (lock) {
            int started = ++generation;
            generationStarted = Instant.now();
            current = fresh;
            restarting = false;
            reason = "";
            executionState = "starting";
            fresh.client().addListener((channel, message) -> onKernelMessage(started, channel, message));
            fresh.process().onExit().thenRunAsync(() -> died(started, "its process exited"), lifecycle);
            fresh.client().death().thenAcceptAsync(death -> died(started, death.getMessage()), lifecycle);
            frontEnds.status("starting");
            for (Pending waiting : pending) {
                fresh.client().send(waiting.channel(), waiting.message());
            }
            pending.clear();
        }
        // The kernel's own busy/idle around this request set the state and reach the front ends (Jupyter's nudge).
        fresh.client().kernelInfo();
    }

    /** A kernel process ended or stopped answering without being asked to: restart it, as Jupyter's restarter. */
    private void died(int ofGeneration, String why) {
        synchronized (lifecycleLock) {
            if (ofGeneration != generation || shutDown) {
                return; // replaced or shut down on purpose
            }
            if (serverStopping.getAsBoolean()) {
                replace("the server stopped", false, false);
                executionState = "dead";
                reason = "the server stopped";
                return;
            }
            boolean rapid = Duration.between(generationStarted, Instant.now()).compareTo(STABLE_AFTER) < 0;
            rapidDeaths = rapid ? rapidDeaths + 1 : 1;
            LOG.warn("kernel {} ({}) died: {}", id, name(), why);
            if (rapidDeaths > RESTART_LIMIT) {
                LOG.error("kernel {} ({}) died {} times in a row soon after starting: leaving it dead", id, name(),
                        rapidDeaths);
                replace("the kernel died: " + why, false, false);
                reason = "the kernel died " + rapidDeaths + " times in a row soon after starting: " + why;
                executionState = "dead";
                frontEnds.status("dead");
                return;
            }
            replace("the kernel died: " + why, true, true);
            try {
                launch();
            } catch (RuntimeException e) {
                LOG.error("kernel {} ({}) died and could not be restarted", id, name(), e);
            }
        }
    }

    private void abandonExecutions(String why) {
        replyRoutes.clear();
        List<RecordedExecution> running = List.copyOf(recordings.values());
        recordings.clear();
        running.forEach(execution -> execution.abandon(why));
    }
}
