package io.quire.kernel.client.zmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.client.Comm;
import io.quire.kernel.message.CommMessage;
import io.quire.kernel.message.ExecuteRequest;
import io.quire.kernel.message.ReplyStatus;
import io.quire.kernel.testkernel.LocalKernel;
import io.quire.kernel.testkernel.SharedKernel;
import io.quire.kernel.wire.Json;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Comms with binary buffers, both ways, against a real ipykernel with an echoing comm target. */
@ExtendWith(SharedKernel.class)
class CommTest {

    private static final String ECHO_TARGET = """
            def _quire_echo(comm, open_msg):
                comm.send({'opened': open_msg['content']['data']}, buffers=open_msg['buffers'])
                @comm.on_msg
                def _echo(msg):
                    comm.send({'echo': msg['content']['data']}, buffers=msg['buffers'])
            get_ipython().kernel.comm_manager.register_target('quire_echo', _quire_echo)
            """;

    static LocalKernel kernel;
    static ZmqKernelClient client;

    @BeforeAll
    static void connect(LocalKernel shared) throws Exception {
        kernel = shared;
        client = kernel.clientBuilder().build();
        client.ready(Duration.ofSeconds(30)).get(30, TimeUnit.SECONDS);
        var registered = client.execute(ExecuteRequest.of(ECHO_TARGET), output -> { }).get(10, TimeUnit.SECONDS);
        assertThat(registered.status()).as(registered.evalue()).isEqualTo(ReplyStatus.OK);
    }

    @AfterAll
    static void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void aCommOpenedByTheClientEchoesDataAndBinaryBuffersBothWays() throws Exception {
        BlockingQueue<CommMessage> received = new LinkedBlockingQueue<>();
        byte[] large = new byte[200_000];
        new Random(7).nextBytes(large);

        Comm comm = client.openComm("quire_echo", Json.object().put("hello", "kernel"),
                List.of(new byte[] {0, 1, 2, (byte) 255}), received::add);
        CommMessage opened = received.poll(10, TimeUnit.SECONDS);
        comm.send(Json.object().put("n", 7), List.of(large, new byte[] {9})).get(5, TimeUnit.SECONDS);
        CommMessage echo = received.poll(10, TimeUnit.SECONDS);

        assertThat(opened).isNotNull();
        assertThat(opened.commId()).isEqualTo(comm.id());
        assertThat(opened.data().path("opened").path("hello").asText()).isEqualTo("kernel");
        assertThat(opened.buffers()).singleElement()
                .satisfies(buffer -> assertThat(buffer).containsExactly(0, 1, 2, 255));
        assertThat(echo).isNotNull();
        assertThat(echo.data().path("echo").path("n").asInt()).isEqualTo(7);
        assertThat(echo.buffers()).hasSize(2);
        assertThat(echo.buffers().get(0)).isEqualTo(large);
        assertThat(echo.buffers().get(1)).containsExactly(9);
    }

    @Test
    void commInfoListsAnOpenCommUntilItIsClosed() throws Exception {
        Comm comm = client.openComm("quire_echo", Json.object(), List.of(), message -> { });

        var whileOpen = client.commInfo("quire_echo").get(10, TimeUnit.SECONDS);
        comm.close(Json.object()).get(5, TimeUnit.SECONDS);
        var afterClose = client.commInfo(null).get(10, TimeUnit.SECONDS);

        assertThat(whileOpen.comms()).containsEntry(comm.id(), "quire_echo");
        assertThat(afterClose.comms()).doesNotContainKey(comm.id());
    }

    @Test
    void aCommOpenedByTheKernelReachesTheRegisteredTargetWithItsBuffers() throws Exception {
        CompletableFuture<CommMessage> opened = new CompletableFuture<>();
        BlockingQueue<CommMessage> later = new LinkedBlockingQueue<>();
        client.registerCommTarget("quire_front", (comm, open) -> {
            opened.complete(open);
            return later::add;
        });

        var reply = client.execute(ExecuteRequest.of("""
                from ipykernel.comm import Comm
                c = Comm(target_name='quire_front', data={'from': 'kernel'}, buffers=[b'\\x00\\x01'])
                c.send({'second': True})
                """), output -> { }).get(10, TimeUnit.SECONDS);

        assertThat(reply.status()).as(reply.evalue()).isEqualTo(ReplyStatus.OK);
        assertThat(opened.get(5, TimeUnit.SECONDS).data().path("from").asText()).isEqualTo("kernel");
        assertThat(opened.get().buffers()).singleElement().satisfies(b -> assertThat(b).containsExactly(0, 1));
        assertThat(later.poll(5, TimeUnit.SECONDS).data().path("second").asBoolean()).isTrue();
    }
}
