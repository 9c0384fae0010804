package io.quire.kernel.client.zmq;

import io.quire.kernel.connection.ConnectionInfo;
import io.quire.kernel.wire.Channel;
import io.quire.kernel.wire.Session;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The kernel's ends of the five sockets, bound on free ports and driven by the test thread, for what a real kernel
 * cannot be made to do: send forged, tampered or replayed messages, or never answer. iopub is an XPUB so the test
 * can wait until the client's subscription has arrived instead of sleeping.
 */
final class FakeKernel implements AutoCloseable {

    private final ZContext context = new ZContext(1);
    private final Map<Channel, ZMQ.Socket> sockets = new EnumMap<>(Channel.class);
    private final ConnectionInfo connection;

    FakeKernel(String key) {
        context.setLinger(0);
        Map<Channel, Integer> ports = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            ZMQ.Socket socket = context.createSocket(switch (channel) {
                case SHELL, STDIN, CONTROL -> SocketType.ROUTER;
                case IOPUB -> SocketType.XPUB;
                case HEARTBEAT -> SocketType.REP;
            });
            socket.setReceiveTimeOut(5_000);
            ports.put(channel, socket.bindToRandomPort("tcp://127.0.0.1"));
            sockets.put(channel, socket);
        }
        connection = new ConnectionInfo("127.0.0.1", "tcp", ports.get(Channel.SHELL), ports.get(Channel.IOPUB),
                ports.get(Channel.STDIN), ports.get(Channel.CONTROL), ports.get(Channel.HEARTBEAT), key,
                "hmac-sha256", "fake");
    }

    ConnectionInfo connection() {
        return connection;
    }

    /** A session holding the kernel's real key. */
    Session session() {
        return new Session(connection.signer(), "kernel");
    }

    /** Blocks (up to 5 s) until a client subscribes to iopub. */
    void awaitSubscriber() {
        byte[] subscription = sockets.get(Channel.IOPUB).recv();
        if (subscription == null || subscription.length == 0 || subscription[0] != 1) {
            throw new AssertionError("no iopub subscription within 5 s");
        }
    }

    /** Receives one multipart message (up to 5 s), routing identity first for ROUTER channels. */
    List<byte[]> receive(Channel channel) {
        ZMQ.Socket socket = sockets.get(channel);
        List<byte[]> frames = new ArrayList<>();
        byte[] frame = socket.recv();
        if (frame == null) {
            throw new AssertionError("nothing received on " + channel + " within 5 s");
        }
        frames.add(frame);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv());
        }
        return frames;
    }

    void send(Channel channel, List<byte[]> frames) {
        ZMQ.Socket socket = sockets.get(channel);
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
