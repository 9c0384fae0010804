package io.quire.kernel.client.zmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.message.KernelInfo;
import io.quire.kernel.wire.Channel;
import io.quire.kernel.wire.Json;
import io.quire.kernel.wire.Message;
import io.quire.kernel.wire.MessageSigner;
import io.quire.kernel.wire.Session;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ForgedMessageTest {

    private final Session mallory = new Session(MessageSigner.of("hmac-sha256", "not-the-key"), "mallory");

    @Test
    void forgedTamperedUnsignedAndReplayedIopubMessagesAreDroppedCountedAndNeverDelivered() throws Exception {
        BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
        try (FakeKernel kernel = new FakeKernel("the-key");
             ZmqKernelClient client = ZmqKernelClient.builder(kernel.connection())
                     .listener((channel, message) -> delivered.add(Json.text(message.content(), "text", "?")))
                     .build()) {
            kernel.awaitSubscriber();
            Session genuine = kernel.session();
            List<byte[]> original = genuine.serialize(stream(genuine, "genuine"));
            List<byte[]> tampered = new ArrayList<>(genuine.serialize(stream(genuine, "to be altered")));
            tampered.set(5, "{\"name\":\"stdout\",\"text\":\"altered\"}".getBytes(StandardCharsets.UTF_8));
            List<byte[]> unsigned = new ArrayList<>(genuine.serialize(stream(genuine, "unsigned")));
            unsigned.set(1, new byte[0]);

            kernel.send(Channel.IOPUB, mallory.serialize(stream(mallory, "forged")));
            kernel.send(Channel.IOPUB, original);
            kernel.send(Channel.IOPUB, tampered);
            kernel.send(Channel.IOPUB, unsigned);
            kernel.send(Channel.IOPUB, original);
            kernel.send(Channel.IOPUB, genuine.serialize(stream(genuine, "sentinel")));

            // One PUB socket keeps order: once the sentinel is in, everything before it has been judged.
            assertThat(delivered.poll(5, TimeUnit.SECONDS)).isEqualTo("genuine");
            assertThat(delivered.poll(5, TimeUnit.SECONDS)).isEqualTo("sentinel");
            assertThat(delivered).isEmpty();
            assertThat(client.rejectedMessageCount()).isEqualTo(4);
        }
    }

    @Test
    void aForgedReplyDoesNotAnswerThePendingRequest() throws Exception {
        try (FakeKernel kernel = new FakeKernel("the-key");
             ZmqKernelClient client = ZmqKernelClient.builder(kernel.connection()).build()) {
            CompletableFuture<KernelInfo> info = client.kernelInfo();
            Session genuine = kernel.session();
            Message request = genuine.deserialize(kernel.receive(Channel.SHELL));

            kernel.send(Channel.SHELL, mallory.serialize(reply(mallory, request, "forged")));
            kernel.send(Channel.SHELL, genuine.serialize(reply(genuine, request, "genuine")));

            assertThat(info.get(5, TimeUnit.SECONDS).implementation()).isEqualTo("genuine");
            assertThat(client.rejectedMessageCount()).isEqualTo(1);
            assertThat(request.identities()).singleElement()
                    .satisfies(id -> assertThat(new String(id, StandardCharsets.UTF_8)).isEqualTo(client.sessionId()));
        }
    }

    private static Message stream(Session session, String text) {
        return session.message("stream", Json.object().put("name", "stdout").put("text", text), null, List.of());
    }

    private static Message reply(Session session, Message request, String implementation) {
        return session.message("kernel_info_reply", Json.object().put("status", "ok")
                        .put("implementation", implementation), request.header(), List.of())
                .withIdentities(request.identities());
    }
}
