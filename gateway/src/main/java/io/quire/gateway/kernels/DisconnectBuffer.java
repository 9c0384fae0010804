package io.quire.gateway.kernels;

import io.quire.kernel.wire.Channel;
import io.quire.kernel.wire.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * What a kernel said while its last front end was away (a dropped connection, a laptop asleep), kept for that
 * front end's session and sent when it reconnects, as Jupyter Server does. Bounded: past the limit it keeps nothing
 * more (the notebook's recorded outputs remain). Guarded by its kernel's peers lock.
 */
final class DisconnectBuffer {

    private static final Logger LOG = LoggerFactory.getLogger(DisconnectBuffer.class);

    private record Kept(Channel channel, Message message) {
    }

    private final String session;
    private final int limit;
    private final List<Kept> kept = new ArrayList<>();
    private boolean overflowed;

    DisconnectBuffer(String session, int limit) {
        this.session = session;
        this.limit = limit;
    }

    String session() {
        return session;
    }

    int size() {
        return kept.size();
    }

    void add(Channel channel, Message message) {
        if (kept.size() < limit) {
            kept.add(new Kept(channel, message));
        } else if (!overflowed) {
            overflowed = true;
            LOG.warn("session {} has been away for {} kernel messages: keeping no more", session, limit);
        }
    }

    void replayTo(KernelPeer peer) {
        kept.forEach(message -> peer.deliver(message.channel(), message.message()));
    }
}
