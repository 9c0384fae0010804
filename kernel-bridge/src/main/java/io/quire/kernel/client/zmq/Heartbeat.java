package io.quire.kernel.client.zmq;

import java.time.Duration;

/**
 * The heartbeat's bookkeeping, free of sockets and clocks so it can be reasoned about (and tested) alone; the I/O
 * loop feeds it {@code System.nanoTime()} and carries out the actions it returns.
 *
 * <p>One ping per interval on a REQ socket. A ping unanswered when the next is due is a miss; since a REQ socket
 * that never got its reply cannot send again, a miss also means "reconnect the socket" (as jupyter_client does).
 * Misses count only once the kernel has answered at least once since start or {@link #rearm()}, so a kernel that
 * is still starting (or restarting) is not declared dead; a kernel that never starts is its process owner's
 * business. Not thread-safe: the I/O thread owns it.
 */
final class Heartbeat {

    /** What the loop should do now. */
    enum Action { WAIT, PING, RECONNECT_AND_PING, DEAD }

    private final long intervalNanos;
    private final int allowedMisses;
    private long dueAt;
    private boolean awaitingPong;
    private boolean armed;
    private boolean dead;
    private int misses;

    Heartbeat(Duration interval, int allowedMisses, long now) {
        this.intervalNanos = interval.toNanos();
        this.allowedMisses = allowedMisses;
        this.dueAt = now;
    }

    /** Milliseconds until {@link #tick} has something to do; -1 (wait forever) once dead. */
    long millisUntilDue(long now) {
        if (dead) {
            return -1;
        }
        long nanos = dueAt - now;
        return nanos <= 0 ? 0 : Math.max(1, nanos / 1_000_000);
    }

    /** The kernel echoed the ping. */
    void pong() {
        awaitingPong = false;
        armed = true;
        misses = 0;
    }

    /** Called whenever the loop wakes up; returns what to do at {@code now}. */
    Action tick(long now) {
        if (dead || now - dueAt < 0) {
            return Action.WAIT;
        }
        dueAt = now + intervalNanos;
        if (!awaitingPong) {
            awaitingPong = true;
            return Action.PING;
        }
        if (armed && ++misses >= allowedMisses) {
            dead = true;
            return Action.DEAD;
        }
        return Action.RECONNECT_AND_PING;
    }

    /** Stops counting misses until the kernel answers again: it was asked to shut down, perhaps to restart. */
    void rearm() {
        armed = false;
        misses = 0;
    }

    /** Consecutive unanswered pings so far. */
    int misses() {
        return misses;
    }
}
