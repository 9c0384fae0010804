package io.quire.kernel.client.zmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.kernel.client.KernelListener;
import io.quire.kernel.testkernel.LocalKernel;
import io.quire.kernel.testkernel.SharedKernel;
import io.quire.kernel.wire.Channel;
import io.quire.kernel.wire.Header;
import io.quire.kernel.wire.Json;
import io.quire.kernel.wire.Message;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The raw level a gateway relays other front ends through: send, added listeners, and their stdin. */
@ExtendWith(SharedKernel.class)
class RelayTest {

    record Received(Channel channel, Message message) {
    }

    static ZmqKernelClient client;
    static final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    static final List<Received> seen = new java.util.ArrayList<>();
    static final KernelListener relay = (channel, message) -> received.add(new Received(channel, message));

    @BeforeAll
    static void connect(LocalKernel kernel) throws Exception {
        client = kernel.clientBuilder().build();
        client.ready(Duration.ofSeconds(30)).get(30, TimeUnit.SECONDS);
        client.addListener(relay);
        // ready() proves shell and iopub; the stdin DEALER's handshake completes on its own, and the kernel's stdin
        // ROUTER drops an input_request for a peer it has not seen yet.
        Thread.sleep(1000);
    }

    @AfterAll
    static void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    /** A message as another front end makes it: its own session and msg_id. */
    private static Message frontEnd(String msgType, com.fasterxml.jackson.databind.JsonNode content, Header parent) {
        Header header = new Header(UUID.randomUUID().toString(), "front-end-session", "someone",
                OffsetDateTime.now(ZoneOffset.UTC), msgType, Header.PROTOCOL_VERSION);
        return new Message(List.of(), header, parent, Json.object(), content, List.of());
    }

    /** The first message received so far or within 20 s that matches (messages that do not stay for later). */
    private static Received await(Predicate<Received> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            synchronized (seen) {
                received.drainTo(seen);
                for (Received message : seen) {
                    if (wanted.test(message)) {
                        seen.remove(message);
                        return message;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching message within 20 s");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void inputRequestsOfARelayedExecutionAreLeftToTheFrontEndWhoseReplyReachesTheKernel() throws Exception {
        Message execute = frontEnd("execute_request", Json.object().put("code", "print('hi ' + input('who? '))")
                .put("silent", false).put("allow_stdin", true), null);

        client.send(Channel.SHELL, execute).get(5, TimeUnit.SECONDS);

        boolean replied = false;
        try {
            Received request = await(r -> r.channel() == Channel.STDIN
                    && r.message().msgType().equals("input_request"));
            assertThat(request.message().parentMsgId()).hasValue(execute.msgId());
            client.send(Channel.STDIN, frontEnd("input_reply", Json.object().put("value", "relay"),
                    request.message().header())).get(5, TimeUnit.SECONDS);
            Received stream = await(r -> r.message().msgType().equals("stream"));
            assertThat(stream.message().content().path("text").asText()).isEqualTo("hi relay\n");
            replied = true;
        } finally {
            if (!replied) {
                // The kernel may be blocked in input(): free it for the other tests sharing it.
                client.interrupt().get(10, TimeUnit.SECONDS);
            }
        }
        Received reply = await(r -> r.channel() == Channel.SHELL && r.message().msgType().equals("execute_reply"));
        assertThat(reply.message().parentHeader().session()).isEqualTo("front-end-session");
        assertThat(reply.message().content().path("status").asText()).isEqualTo("ok");
    }

    @Test
    void aRemovedListenerHearsNoMore() throws Exception {
        LinkedBlockingQueue<Message> heard = new LinkedBlockingQueue<>();
        KernelListener extra = (channel, message) -> heard.add(message);
        client.addListener(extra);
        client.kernelInfo().get(10, TimeUnit.SECONDS);
        assertThat(heard.poll(5, TimeUnit.SECONDS)).isNotNull();

        client.removeListener(extra);
        // A round trip through the client's one I/O thread: what it was handing to the listener as it was removed
        // has been handed by the time the reply comes back.
        client.kernelInfo().get(10, TimeUnit.SECONDS);
        heard.clear();
        client.kernelInfo().get(10, TimeUnit.SECONDS);
        Thread.sleep(200);

        assertThat(heard).isEmpty();
    }

    @Test
    void nothingIsSentOnIopubOrHeartbeat() {
        assertThatThrownBy(() -> client.send(Channel.IOPUB, frontEnd("status", Json.object(), null)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
