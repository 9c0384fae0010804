package io.quire.kernel.client.zmq;

import java.time.Duration;

/**
 * The heartbeat's bookkeeping, free of sockets and clocks so it can be reasoned about (and tested) alone; the I/O
 * loop feeds it {@code System.nanoTime()} and carries out the actions it returns.
 *
 * <p>One ping per interval on a REQ socket. A ping unanswered when the next is due is a miss; since a REQ socket
 * that never got its reply cannot send again, a miss also means "reconnect the socket" (as jupyter_client does).
 * Misses count only once the kernel has answered at least once (a pong, or {@link #resume()} when it answered
 * a request), so a kernel that is still starting is not declared dead (a kernel that never starts is its process
 * owner's business). After a shutdown the count is
 * {@link #suspend() suspended}: the old kernel may still echo a few pings on its way out, so only an explicit
 * {@link #resume()} (the client found a kernel ready again) arms it. Not thread-safe: the I/O thread owns it.
 */
final class Heartbeat {

    /** What the loop should do now. */
    enum Action { WAIT, PING, RECONNECT_AND_PING, DEAD }

    private final long intervalNanos;
    private final int allowedMisses;
    private long dueAt;
    private boolean awaitingPong;
    private boolean armed;
    private boolean suspended;
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
        armed = !suspended;
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

    /** Stops counting misses: the kernel was asked to shut down, perhaps to be restarted by its owner. */
    void suspend() {
        suspended = true;
        armed = false;
        misses = 0;
    }

    /**
     * Counts misses again: a kernel (perhaps a restarted one) answered a request, so it is up. Armed at once, not at
     * the next pong: a kernel that dies before its heartbeat ever echoed must still be found dead.
     */
    void resume() {
        suspended = false;
        armed = true;
        misses = 0;
    }

    /** Consecutive unanswered pings so far. */
    int misses() {
        return misses;
    }
}
