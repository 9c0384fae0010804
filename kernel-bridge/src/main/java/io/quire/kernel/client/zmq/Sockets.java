package io.quire.kernel.client.zmq;

import io.quire.kernel.connection.ConnectionInfo;
import io.quire.kernel.wire.Channel;
import java.nio.channels.SelectableChannel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The client's ZeroMQ context and its five sockets; used only by the I/O thread.
 *
 * <p>Socket choices: shell, stdin and control are DEALERs sharing one identity (the session id), because the
 * kernel routes an {@code input_request} to the stdin socket with the identity of the shell socket that sent the
 * execute_request. iopub is a SUB subscribed to everything; heartbeat a REQ. Linger is 0 so that closing never
 * waits on a dead kernel. TCP_NODELAY needs no option: JeroMQ sets it on every TCP connection it makes
 * ({@code TcpUtils.tuneTcpSocket}), which avoids the 40 ms Nagle/delayed-ACK stall on small messages.
 */
final class Sockets {

    /** Poller index of the wake-up pipe; the channel sockets follow, heartbeat last (see reconnect). */
    static final int WAKE_INDEX = 0;
    static final List<Channel> MESSAGE_CHANNELS = List.of(Channel.SHELL, Channel.IOPUB, Channel.STDIN,
            Channel.CONTROL);

    private final ConnectionInfo info;
    private final byte[] identity;
    private final Map<Channel, ZMQ.Socket> sockets = new EnumMap<>(Channel.class);
    private final Map<Channel, Integer> indexes = new EnumMap<>(Channel.class);
    private ZContext context;

    Sockets(ConnectionInfo info, byte[] identity) {
        this.info = info;
        this.identity = identity.clone();
    }

    /** Creates the context and connects every socket; returns a poller over the pipe and the sockets. */
    ZMQ.Poller open(SelectableChannel wake) {
        context = new ZContext(1);
        context.setLinger(0);
        ZMQ.Poller poller = context.createPoller(MESSAGE_CHANNELS.size() + 2);
        if (poller.register(wake, ZMQ.Poller.POLLIN) != WAKE_INDEX) {
            throw new IllegalStateException("wake-up pipe must be the poller's first item");
        }
        for (Channel channel : MESSAGE_CHANNELS) {
            register(poller, channel);
        }
        register(poller, Channel.HEARTBEAT);
        return poller;
    }

    /** The poller index of a channel's socket. */
    int index(Channel channel) {
        return indexes.get(channel);
    }

    /**
     * Replaces the heartbeat socket: a REQ socket whose request went unanswered cannot send again. The poller's
     * items are a list, so removing the last item and adding one back keeps every other index unchanged.
     */
    void reconnectHeartbeat(ZMQ.Poller poller) {
        ZMQ.Socket old = sockets.remove(Channel.HEARTBEAT);
        poller.unregister(old);
        context.destroySocket(old);
        register(poller, Channel.HEARTBEAT);
    }

    /** Sends one heartbeat; a refusal (no connection yet) simply shows up as a miss later. */
    void ping(byte[] payload) {
        sockets.get(Channel.HEARTBEAT).send(payload, ZMQ.DONTWAIT);
    }

    /** Sends a multipart message without blocking; false if ZeroMQ's queue for the peer is full. */
    boolean send(Channel channel, List<byte[]> frames) {
        ZMQ.Socket socket = sockets.get(channel);
        for (int i = 0; i < frames.size(); i++) {
            int flags = ZMQ.DONTWAIT | (i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
            if (!socket.send(frames.get(i), flags)) {
                return false; // only the first frame can be refused: ZeroMQ takes multipart messages whole
            }
        }
        return true;
    }

    /** The frames of the next waiting message, or {@code null} if none is waiting. */
    List<byte[]> receive(Channel channel) {
        ZMQ.Socket socket = sockets.get(channel);
        byte[] first = socket.recv(ZMQ.DONTWAIT);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        return frames;
    }

    /** Closes every socket (linger 0) and terminates the context, which ends JeroMQ's own threads. */
    void close() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    private void register(ZMQ.Poller poller, Channel channel) {
        ZMQ.Socket socket = context.createSocket(typeOf(channel));
        socket.setLinger(0);
        switch (channel) {
            case SHELL, STDIN, CONTROL -> socket.setIdentity(identity);
            case IOPUB -> socket.subscribe(new byte[0]);
            case HEARTBEAT -> { }
        }
        if (!socket.connect(info.endpoint(channel))) {
            throw new IllegalStateException("cannot connect " + channel + " to " + info.endpoint(channel));
        }
        sockets.put(channel, socket);
        indexes.put(channel, poller.register(socket, ZMQ.Poller.POLLIN));
    }

    private static SocketType typeOf(Channel channel) {
        return switch (channel) {
            case SHELL, STDIN, CONTROL -> SocketType.DEALER;
            case IOPUB -> SocketType.SUB;
            case HEARTBEAT -> SocketType.REQ;
        };
    }
}
