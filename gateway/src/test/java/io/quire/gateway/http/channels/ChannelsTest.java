package io.quire.gateway.http.channels;

import io.quire.gateway.http.kernels.KernelTestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static io.quire.gateway.http.channels.KernelSocket.isStatus;
import static io.quire.gateway.http.channels.KernelSocket.parent;
import static io.quire.gateway.http.channels.KernelSocket.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The channels WebSocket against a real ipykernel, in both protocols, as Jupyter front ends use it. */
class ChannelsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Small, so that a message over the limit is quick to send. */
    private static final long MAX_MESSAGE_BYTES = 1024 * 1024;

    @TempDir
    static Path data;
    static KernelTestServer server;
    static String kernelId;

    @BeforeAll
    static void start() {
        server = KernelTestServer.start(data, MAX_MESSAGE_BYTES);
        kernelId = server.startKernel().getString("id");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "v1 subprotocol: {0}")
    @ValueSource(booleans = {false, true})
    void onePlusOneGivesItsReplyAndItsResultOnIopub(boolean v1) throws Exception {
        try (KernelSocket socket = KernelSocket.open(server, kernelId, v1)) {
            assertThat(socket.subprotocol()).isEqualTo(v1 ? KernelSocket.V1 : "");

            KernelSocket.Execution run = socket.execute("1+1", null);

            assertThat(run.reply().getString("channel")).isEqualTo("shell");
            assertThat(run.reply().getJsonObject("content").getString("status")).isEqualTo("ok");
            assertThat(run.reply().getJsonObject("parent_header").getString("session")).isEqualTo(socket.session());
            assertThat(run.iopubTypes()).contains("execute_input", "execute_result");
            assertThat(run.first("execute_result").getJsonObject("content").getJsonObject("data")
                    .getString("text/plain")).isEqualTo("2");
            if (!v1) { // the legacy dict, as jupyter_client's Session.deserialize makes it
                assertThat(run.reply().fieldNames()).contains("header", "msg_id", "msg_type", "parent_header",
                        "metadata", "content", "buffers", "channel");
                assertThat(run.reply().getString("msg_type")).isEqualTo("execute_reply");
            }
        }
    }

    @Test
    void iopubReachesEveryClientAndTheReplyOnlyTheOneThatAsked() throws Exception {
        try (KernelSocket asking = KernelSocket.open(server, kernelId, true);
             KernelSocket watching = KernelSocket.open(server, kernelId, false)) {
            KernelSocket.Execution run = asking.execute("print('hello from quire')", null);
            String msgId = run.reply().getJsonObject("parent_header").getString("msg_id");

            JsonObject stream = watching.await(message -> "stream".equals(type(message))
                    && msgId.equals(parent(message)), WAIT);
            watching.await(message -> isStatus(message, "idle") && msgId.equals(parent(message)), WAIT);

            assertThat(stream.getJsonObject("content").getString("text")).isEqualTo("hello from quire\n");
            assertThat(watching.seenWithParent(msgId)).noneMatch(message -> "shell".equals(
                    message.getString("channel")));
        }
    }

    @Test
    void inputRequestsGoToTheClientThatRanTheCodeAndItsAnswerReachesTheKernel() throws Exception {
        try (KernelSocket socket = KernelSocket.open(server, kernelId, false)) {
            String msgId = socket.executeRequest("name = input('your name? ')\nprint('hello ' + name)", null)
                    .getJsonObject("header").getString("msg_id");

            JsonObject request = socket.await(message -> "input_request".equals(type(message)), WAIT);
            assertThat(request.getString("channel")).isEqualTo("stdin");
            assertThat(request.getJsonObject("content").getString("prompt")).isEqualTo("your name? ");
            socket.send("stdin", "input_reply", new JsonObject().put("value", "quire"), null,
                    request.getJsonObject("header"));

            JsonObject reply = socket.await(message -> "execute_reply".equals(type(message))
                    && msgId.equals(parent(message)), WAIT);
            assertThat(reply.getJsonObject("content").getString("status")).isEqualTo("ok");
            JsonObject stream = socket.await(message -> "stream".equals(type(message))
                    && msgId.equals(parent(message)), WAIT);
            assertThat(stream.getJsonObject("content").getString("text")).isEqualTo("hello quire\n");
        }
    }

    @Test
    void binaryBuffersTravelInBothProtocols() throws Exception {
        try (KernelSocket legacy = KernelSocket.open(server, kernelId, false);
             KernelSocket v1 = KernelSocket.open(server, kernelId, true)) {
            legacy.execute("from ipykernel.comm import Comm\n"
                    + "quire_comm = Comm(target_name='quire.test', data={'x': 1}, buffers=[b'\\x00\\x01quire'])", null);

            String expected = Base64.getEncoder().encodeToString("\u0000\u0001quire".getBytes(StandardCharsets.UTF_8));
            for (KernelSocket socket : new KernelSocket[] {legacy, v1}) {
                JsonObject open = socket.await(message -> "comm_open".equals(type(message)), WAIT);
                assertThat(open.getJsonArray("buffers")).containsExactly(expected);
                assertThat(open.getJsonObject("content").getJsonObject("data").getInteger("x")).isEqualTo(1);
            }
            assertThat(legacy.all()).filteredOn(message -> "comm_open".equals(type(message)))
                    .allMatch(message -> message.getBoolean("_binary", false));
        }
    }

    @Test
    void aClientThatReconnectsWithItsSessionGetsWhatItMissed() throws Exception {
        String session = UUID.randomUUID().toString();
        String msgId;
        try (KernelSocket leaving = KernelSocket.open(server, kernelId, true, session, KernelTestServer.TOKEN)) {
            msgId = leaving.executeRequest("import time\ntime.sleep(1)\nprint('while you were away')", null)
                    .getJsonObject("header").getString("msg_id");
            leaving.await(message -> "execute_input".equals(type(message)) && msgId.equals(parent(message)), WAIT);
        }
        Thread.sleep(1500);
        try (KernelSocket back = KernelSocket.open(server, kernelId, true, session, KernelTestServer.TOKEN)) {
            JsonObject stream = back.await(message -> "stream".equals(type(message))
                    && msgId.equals(parent(message)), WAIT);
            JsonObject reply = back.await(message -> "execute_reply".equals(type(message))
                    && msgId.equals(parent(message)), WAIT);

            assertThat(stream.getJsonObject("content").getString("text")).isEqualTo("while you were away\n");
            assertThat(reply.getJsonObject("content").getString("status")).isEqualTo("ok");
        }
    }

    @ParameterizedTest(name = "v1 subprotocol: {0}")
    @ValueSource(booleans = {false, true})
    void aFrameThatIsNoKernelMessageClosesItsConnectionWithAReasonAndTheServerServesOn(boolean v1) throws Exception {
        try (KernelSocket socket = KernelSocket.open(server, kernelId, v1)) {
            if (v1) {
                socket.sendBinary(new byte[] {1, 2, 3});
            } else {
                socket.sendText("{\"header\": {\"msg_id\": ");
            }

            assertThat(socket.awaitClose(WAIT)).isEqualTo(1007);
            assertThat(socket.closeReason()).startsWith("not a kernel message: ");
        }
        try (KernelSocket socket = KernelSocket.open(server, kernelId, v1)) {
            assertThat(socket.execute("6*7", null).first("execute_result").getJsonObject("content")
                    .getJsonObject("data").getString("text/plain")).isEqualTo("42");
        }
    }

    @Test
    void aMessageWithoutAHeaderIsRefused() throws Exception {
        try (KernelSocket socket = KernelSocket.open(server, kernelId, false)) {
            socket.sendText("{\"channel\": \"shell\", \"content\": {\"code\": \"1\"}}");

            assertThat(socket.awaitClose(WAIT)).isEqualTo(1007);
            assertThat(socket.closeReason()).contains("header");
        }
    }

    @Test
    void aMessageOverTheSizeLimitIsRefusedAndTheServerServesOn() throws Exception {
        try (KernelSocket socket = KernelSocket.open(server, kernelId, true)) {
            socket.sendBinaryRegardless(new byte[(int) MAX_MESSAGE_BYTES + 1024]);

            // 1009 (message too big); a client still sending when the server closes may see a reset (1006)
            assertThat(socket.awaitClose(WAIT)).isIn(1009, 1006);
        }
        try (KernelSocket socket = KernelSocket.open(server, kernelId, true)) {
            assertThat(socket.execute("1+2", null).reply().getJsonObject("content").getString("status"))
                    .isEqualTo("ok");
        }
    }

    @Test
    void anUnknownKernelIsA404AndAMissingTokenA403() {
        String unknown = UUID.randomUUID().toString();
        KernelTestServer.Response plain = server.get("/api/kernels/" + unknown + "/channels");
        assertThat(plain.status()).isEqualTo(404);
        assertThat(plain.json().getString("message")).isEqualTo("Kernel does not exist: " + unknown);

        assertThatThrownBy(() -> KernelSocket.open(server, unknown, true))
                .isInstanceOf(CompletionException.class).cause()
                .isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        failure -> assertThat(failure.getResponse().statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> KernelSocket.open(server, kernelId, true, "s", "wrong-token"))
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        failure -> assertThat(failure.getResponse().statusCode()).isEqualTo(403));
    }
}
