package io.quire.gateway.kernels;

import io.quire.kernel.wire.Channel;
import io.quire.kernel.wire.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The front ends connected to one kernel, and where each kernel message goes: iopub to all of them, a reply or an
 * input request to the one whose request caused it. When the last one leaves, what the kernel says is kept for its
 * session until it returns (as Jupyter Server does). Thread-safe: delivery happens on the kernel client's I/O
 * thread, connections come and go on event loops; {@link KernelPeer#deliver} never blocks.
 */
final class FrontEnds {

    private static final Logger LOG = LoggerFactory.getLogger(FrontEnds.class);
    /** Messages kept for a front end that dropped its connection, and sent when it reconnects. */
    private static final int KEEP_LIMIT = 10_000;

    private final String kernelId;
    private final StatusMessages statuses = new StatusMessages();
    private final Set<KernelPeer> peers = new LinkedHashSet<>();
    private DisconnectBuffer kept;
    private boolean closed;

    FrontEnds(String kernelId) {
        this.kernelId = kernelId;
    }

    synchronized int size() {
        return peers.size();
    }

    /** The front ends connected now. */
    synchronized List<KernelPeer> connected() {
        return List.copyOf(peers);
    }

    /**
     * Adds a front end: an open one of the same session is replaced (a client that reconnected before its old
     * socket was noticed gone), and what was kept for a returning session is sent first.
     *
     * @param dead the kernel is dead: the newcomer is told so at once
     */
    void attach(KernelPeer peer, boolean dead) {
        List<KernelPeer> stale = new ArrayList<>();
        synchronized (this) {
            if (peer.sessionId() != null) {
                peers.removeIf(other -> peer.sessionId().equals(other.sessionId()) && stale.add(other));
            }
            DisconnectBuffer returning = kept;
            kept = null;
            peers.add(peer);
            if (returning != null && returning.session().equals(peer.sessionId())) {
                LOG.info("kernel {}: sending {} kept messages to returning session {}", kernelId, returning.size(),
                        peer.sessionId());
                returning.replayTo(peer);
            }
            if (dead) {
                peer.deliver(Channel.IOPUB, statuses.status("dead", peer.sessionId()));
            }
        }
        stale.forEach(old -> old.close("replaced by a newer connection of the same session"));
    }

    /** Removes a front end; if it was the last, messages for its session are kept until it returns. */
    synchronized void detach(KernelPeer peer) {
        if (peers.remove(peer) && peers.isEmpty() && peer.sessionId() != null && !closed) {
            kept = new DisconnectBuffer(peer.sessionId(), KEEP_LIMIT);
        }
    }

    /**
     * An iopub message: to every front end, encoded once per wire format (not once per front end); with none
     * connected, kept for the last one.
     */
    synchronized void broadcast(Channel channel, Message message) {
        OutgoingMessage outgoing = new OutgoingMessage(channel, message);
        for (KernelPeer peer : peers) {
            peer.deliver(outgoing);
        }
        if (peers.isEmpty() && kept != null) {
            kept.add(channel, message);
        }
    }

    /**
     * A reply or input request: to {@code sender}, the front end that sent the request, or, if that connection is
     * gone, to an open one of the same session (a reconnected client), or kept for that session; else dropped (it
     * answers the server's own request, or a client that left for good).
     */
    synchronized void answer(KernelPeer sender, Channel channel, Message message) {
        String session = message.parentHeader() == null ? null : message.parentHeader().session();
        KernelPeer target = sender != null && sender.isOpen() && peers.contains(sender) ? sender : null;
        if (target == null && session != null) {
            target = peers.stream().filter(peer -> session.equals(peer.sessionId())).findFirst().orElse(null);
        }
        if (target != null) {
            target.deliver(channel, message);
        } else if (kept != null && kept.session().equals(session)) {
            kept.add(channel, message);
        }
    }

    /** A status the server makes up ({@code restarting}, {@code starting}, {@code dead}), to every front end. */
    synchronized void status(String executionState) {
        for (KernelPeer peer : peers) {
            peer.deliver(Channel.IOPUB, statuses.status(executionState, peer.sessionId()));
        }
    }

    /** The kernel is gone for good: every front end is told it is {@code dead} and disconnected. */
    void closeAll(String why) {
        List<KernelPeer> leaving;
        synchronized (this) {
            closed = true;
            leaving = List.copyOf(peers);
            peers.clear();
            kept = null;
        }
        for (KernelPeer peer : leaving) {
            peer.deliver(Channel.IOPUB, statuses.status("dead", peer.sessionId()));
            peer.close(why);
        }
    }
}
