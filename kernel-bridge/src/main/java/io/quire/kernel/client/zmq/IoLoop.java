package io.quire.kernel.client.zmq;

import io.quire.kernel.client.ClientClosedException;
import io.quire.kernel.client.KernelException;
import io.quire.kernel.connection.ConnectionInfo;
import io.quire.kernel.wire.Channel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

/**
 * The one thread that owns a client's ZeroMQ context and sockets (JeroMQ sockets are not thread-safe). It blocks
 * in {@link ZMQ.Poller#poll} on the five channel sockets plus a wake-up pipe, with a timeout that is exactly the
 * time to the next heartbeat: no poll-then-sleep. Other threads hand it {@link Task}s through a queue and write a
 * byte to the pipe; a {@link Pipe} rather than an inproc PAIR socket because a pipe's sink may be written from any
 * thread, while a PAIR socket shared by callers would itself need a lock.
 */
final class IoLoop {

    /** What the loop reports; called on the I/O thread. */
    interface Inbound {
        void onFrames(Channel channel, List<byte[]> frames);

        void onHeartbeatLost(int missedBeats);

        /** The loop ended: {@code cause} is a {@link ClientClosedException} after close, else why it failed. */
        void onStopped(KernelException cause);
    }

    private static final Logger log = LoggerFactory.getLogger(IoLoop.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final byte[] PING = "ping".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_MESSAGES_PER_ROUND = 64;

    private final Inbound inbound;
    private final Sockets sockets;
    private final Heartbeat heartbeat;
    private final Pipe wake;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final Queue<Task> tasks = new ArrayDeque<>();
    private final Thread thread;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private volatile boolean stopRequested;
    private Throwable failure; // I/O thread only: why the loop ended, if not by close()
    private boolean closed; // guarded by tasks: once true no task is accepted, so none can be stranded

    IoLoop(ConnectionInfo info, byte[] identity, Duration beatInterval, int allowedMisses, Inbound inbound) {
        this.inbound = inbound;
        this.sockets = new Sockets(info, identity);
        this.heartbeat = new Heartbeat(beatInterval, allowedMisses, System.nanoTime());
        try {
            this.wake = Pipe.open();
            wake.source().configureBlocking(false);
        } catch (IOException e) {
            throw new KernelException("cannot open the I/O thread's wake-up pipe", e);
        }
        this.thread = new Thread(this::run, "quire-kernel-io-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
    }

    /** Starts the thread and waits until the sockets are open; throws {@link KernelException} if they cannot be. */
    void start() {
        thread.start();
        try {
            started.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new KernelException("cannot open kernel sockets", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KernelException("interrupted while opening kernel sockets", e);
        } catch (TimeoutException e) {
            close();
            throw new KernelException("kernel sockets did not open within 10 s", e);
        }
    }

    /** Runs {@code action} on the I/O thread; any thread. If the loop has stopped, fails {@code owner} instead. */
    void submit(Runnable action, CompletableFuture<?> owner) {
        Task task = new Task(action, owner);
        synchronized (tasks) {
            if (!closed) {
                tasks.add(task);
                wakeUp();
                return;
            }
        }
        task.fail(new ClientClosedException("kernel client is closed"));
    }

    /** Sends frames on a channel from any thread; completes when ZeroMQ has taken them. */
    CompletableFuture<Void> post(Channel channel, List<byte[]> frames) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        submit(() -> {
            if (send(channel, frames)) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(new KernelException("ZeroMQ refused a message on " + channel
                        + ": send queue full"));
            }
        }, sent);
        return sent;
    }

    /** Sends frames now; I/O thread only. False if ZeroMQ would have blocked (high-water mark reached). */
    boolean send(Channel channel, List<byte[]> frames) {
        return sockets.send(channel, frames);
    }

    /** See {@link Heartbeat#suspend()}; I/O thread only. */
    void suspendHeartbeat() {
        heartbeat.suspend();
    }

    /** See {@link Heartbeat#resume()}; I/O thread only. */
    void resumeHeartbeat() {
        heartbeat.resume();
    }

    /** Whether the caller is the I/O thread. */
    boolean onIoThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Stops the loop, which closes every socket and the context on its way out. Waits for the thread unless called
     * from it (a listener closing the client), in which case the loop ends as soon as that callback returns.
     */
    void close() {
        stopRequested = true;
        wakeUp();
        if (!onIoThread() && thread.isAlive()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void wakeUp() {
        if (wakePending.compareAndSet(false, true)) {
            try {
                wake.sink().write(ByteBuffer.wrap(new byte[] {1}));
            } catch (IOException e) {
                log.debug("Wake-up pipe already closed", e); // only after the loop ended: nothing left to wake
            }
        }
    }

    private void run() {
        try (ZMQ.Poller poller = sockets.open(wake.source())) {
            started.complete(null);
            while (!stopRequested) {
                poller.poll(heartbeat.millisUntilDue(System.nanoTime()));
                if (poller.pollin(Sockets.WAKE_INDEX)) {
                    drainWakePipe();
                }
                runTasks();
                for (Channel channel : Sockets.MESSAGE_CHANNELS) {
                    if (poller.pollin(sockets.index(channel))) {
                        receive(channel);
                    }
                }
                // Exactly one receive: a REQ socket that got its reply refuses a second recv (EFSM) until it sends.
                if (poller.pollin(sockets.index(Channel.HEARTBEAT)) && sockets.receive(Channel.HEARTBEAT) != null) {
                    heartbeat.pong();
                }
                beat(poller);
            }
        } catch (RuntimeException | Error e) {
            log.error("Kernel client I/O thread failed", e);
            started.completeExceptionally(e);
            failure = e;
        } finally {
            stop();
        }
    }

    private void receive(Channel channel) {
        for (int i = 0; i < MAX_MESSAGES_PER_ROUND; i++) {
            List<byte[]> frames = sockets.receive(channel);
            if (frames == null) {
                return;
            }
            inbound.onFrames(channel, frames);
        }
    }

    private void beat(ZMQ.Poller poller) {
        switch (heartbeat.tick(System.nanoTime())) {
            case PING -> sockets.ping(PING);
            case RECONNECT_AND_PING -> {
                sockets.reconnectHeartbeat(poller);
                sockets.ping(PING);
            }
            case DEAD -> inbound.onHeartbeatLost(heartbeat.misses());
            case WAIT -> { }
        }
    }

    /** Read the bytes before clearing the flag: a waker that finds the flag set relies on us draining the queue. */
    private void drainWakePipe() {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        try {
            while (wake.source().read(buffer) > 0) {
                buffer.clear();
            }
        } catch (IOException e) {
            throw new KernelException("wake-up pipe failed", e);
        }
        wakePending.set(false);
    }

    private void runTasks() {
        Task task;
        while ((task = pollTask()) != null) {
            try {
                task.action().run();
            } catch (RuntimeException e) {
                log.warn("Kernel client task failed", e);
                task.fail(e);
            }
        }
    }

    private Task pollTask() {
        synchronized (tasks) {
            return tasks.poll();
        }
    }

    /** Refuse new tasks, fail the queued ones, tell the router, then release sockets, context and pipe. */
    private void stop() {
        List<Task> stranded;
        synchronized (tasks) {
            closed = true;
            stranded = new ArrayList<>(tasks);
            tasks.clear();
        }
        KernelException cause = failure == null
                ? new ClientClosedException("kernel client is closed")
                : new KernelException("kernel client I/O thread failed", failure);
        stranded.forEach(task -> task.fail(cause));
        try {
            inbound.onStopped(cause);
        } finally {
            sockets.close();
            closeQuietly(wake.source());
            closeQuietly(wake.sink());
        }
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("Closing wake-up pipe failed", e);
        }
    }
}
