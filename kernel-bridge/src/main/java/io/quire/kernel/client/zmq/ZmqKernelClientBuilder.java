package io.quire.kernel.client.zmq;

import io.quire.kernel.client.Interrupter;
import io.quire.kernel.client.KernelListener;
import io.quire.kernel.connection.ConnectionInfo;
import io.quire.kernel.spec.InterruptMode;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of a {@link ZmqKernelClient}. Defaults: interrupt mode {@link InterruptMode#SIGNAL} with no
 * {@link Interrupter}; heartbeat every 1 s, dead after 3 consecutive misses; {@link KernelListener#NONE};
 * username from {@code user.name}. Not thread-safe; {@link #build()} validates and connects.
 */
public final class ZmqKernelClientBuilder {

    private final ConnectionInfo info;
    private InterruptMode interruptMode = InterruptMode.SIGNAL;
    private Interrupter interrupter;
    private Duration heartbeatInterval = Duration.ofSeconds(1);
    private int allowedMisses = 3;
    private KernelListener listener = KernelListener.NONE;
    private String username = System.getProperty("user.name", "quire");

    ZmqKernelClientBuilder(ConnectionInfo info) {
        this.info = Objects.requireNonNull(info, "info");
    }

    /** How {@code interrupt()} works: the kernelspec's interrupt_mode. */
    public ZmqKernelClientBuilder interruptMode(InterruptMode mode) {
        this.interruptMode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /** Who sends SIGINT to a signal-mode kernel (the owner of its process). */
    public ZmqKernelClientBuilder interrupter(Interrupter interrupter) {
        this.interrupter = interrupter;
        return this;
    }

    /** One ping every {@code interval}; the kernel is declared dead after {@code misses} unanswered in a row. */
    public ZmqKernelClientBuilder heartbeat(Duration interval, int misses) {
        this.heartbeatInterval = Objects.requireNonNull(interval, "interval");
        this.allowedMisses = misses;
        return this;
    }

    /** Sees every message received; see {@link KernelListener}. */
    public ZmqKernelClientBuilder listener(KernelListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** The username in the headers of messages this client sends. */
    public ZmqKernelClientBuilder username(String username) {
        this.username = Objects.requireNonNull(username, "username");
        return this;
    }

    /** Fails fast on options that cannot work. */
    public ZmqKernelClientBuilder validate() {
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be positive: " + heartbeatInterval);
        }
        if (allowedMisses < 1) {
            throw new IllegalArgumentException("allowed heartbeat misses must be at least 1: " + allowedMisses);
        }
        info.signer(); // an unknown signature scheme fails here rather than on the first message
        return this;
    }

    /**
     * Validates, then creates the client and opens its sockets.
     *
     * @throws IllegalArgumentException for invalid options
     * @throws io.quire.kernel.client.KernelException if the sockets cannot be opened
     */
    public ZmqKernelClient build() {
        validate();
        return new ZmqKernelClient(this);
    }

    ConnectionInfo info() {
        return info;
    }

    InterruptMode interruptMode() {
        return interruptMode;
    }

    Interrupter interrupter() {
        return interrupter;
    }

    Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    int allowedMisses() {
        return allowedMisses;
    }

    KernelListener listener() {
        return listener;
    }

    String username() {
        return username;
    }
}
