package io.quire.gateway.kernels;

import io.quire.kernel.wire.Channel;
import io.quire.kernel.wire.Header;
import io.quire.kernel.wire.Json;
import io.quire.kernel.wire.Message;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class FrontEndsTest {

    /** A front end that encodes what it is sent with its format, counting encodings per format. */
    private static final class Peer implements KernelPeer {
        final Object format;
        final AtomicInteger encodings;
        final List<Object> sent = new ArrayList<>();

        Peer(Object format, AtomicInteger encodings) {
            this.format = format;
            this.encodings = encodings;
        }

        @Override
        public void deliver(OutgoingMessage message) {
            sent.add(message.encoded(format, (channel, m) -> {
                encodings.incrementAndGet();
                return new StringBuilder(format + ":" + m.msgType()); // a new object on every encoding
            }));
        }

        @Override
        public DeliveryCounts deliveryCounts() {
            return new DeliveryCounts(0, 0, 0, 0);
        }

        @Override
        public String sessionId() {
            return null;
        }

        @Override
        public String user() {
            return "ann";
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close(String why) {
        }
    }

    @Test
    void anIopubMessageIsEncodedOncePerWireFormatAndTheSameBytesGoToEveryFrontEndOfIt() {
        FrontEnds frontEnds = new FrontEnds("k");
        AtomicInteger json = new AtomicInteger();
        AtomicInteger v1 = new AtomicInteger();
        Object jsonFormat = new Object();
        Object v1Format = new Object();
        List<Peer> jsonPeers = List.of(new Peer(jsonFormat, json), new Peer(jsonFormat, json),
                new Peer(jsonFormat, json));
        List<Peer> v1Peers = List.of(new Peer(v1Format, v1), new Peer(v1Format, v1));
        jsonPeers.forEach(peer -> frontEnds.attach(peer, false));
        v1Peers.forEach(peer -> frontEnds.attach(peer, false));

        frontEnds.broadcast(Channel.IOPUB, stream());

        assertThat(json).hasValue(1);
        assertThat(v1).hasValue(1);
        assertThat(jsonPeers.get(1).sent.get(0)).isSameAs(jsonPeers.get(0).sent.get(0))
                .isSameAs(jsonPeers.get(2).sent.get(0));
        assertThat(v1Peers.get(1).sent.get(0)).isSameAs(v1Peers.get(0).sent.get(0))
                .isNotSameAs(jsonPeers.get(0).sent.get(0));

        frontEnds.broadcast(Channel.IOPUB, stream());
        assertThat(json).hasValue(2); // a new message, encoded anew
    }

    private static Message stream() {
        Header header = new Header("m", "s", "kernel", OffsetDateTime.now(ZoneOffset.UTC), "stream",
                Header.PROTOCOL_VERSION);
        return new Message(List.of(), header, null, Json.object(), Json.object().put("name", "stdout")
                .put("text", "hi"), List.of());
    }
}
