package io.quire.kernel.client;

/**
 * The kernel stopped answering its heartbeat (or shut down) while a request was pending, so no reply will come.
 * Every pending future of the client fails with it, and so does every later request.
 */
public class KernelDiedException extends KernelException {

    private final int missedBeats;

    public KernelDiedException(String message, int missedBeats) {
        super(message);
        this.missedBeats = missedBeats;
    }

    /** How many consecutive heartbeats went unanswered; 0 when the kernel was shut down on request. */
    public int missedBeats() {
        return missedBeats;
    }
}
