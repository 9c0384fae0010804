package io.quire.gateway.http.channels;

import io.quire.domain.notebook.event.ExecutionEnded;
import io.quire.domain.notebook.event.OutputProduced;
import io.quire.gateway.QuireSettings;
import io.quire.gateway.http.kernels.KernelTestServer;
import io.quire.gateway.notebook.Notebooks;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.quire.gateway.http.channels.KernelSocket.isStatus;
import static io.quire.gateway.http.channels.KernelSocket.parent;
import static io.quire.gateway.http.channels.KernelSocket.type;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A front end that stops reading while a cell prints 50 MB: the server keeps only a bounded backlog for it and drops
 * its outputs (telling it once), while a second front end gets every output and the notebook records them all.
 */
class SlowClientTest {

    private static final String PATH = "flood.ipynb";
    private static final int LINES = 50;
    /** Each line: a 5-digit number, 999,995 x's and a newline; one output message each. */
    private static final int LINE = 1_000_001;
    /**
     * A line every 0.1 s: the stalled client still falls 16 MiB behind (it reads nothing), while the reading one,
     * printed to at 10 MB/s, keeps up on a loaded CI machine; at full speed it once fell 17 MB behind there too and
     * was, rightly, dropped from.
     */
    private static final String FLOOD = "import time\nfor i in range(" + LINES + "):\n"
            + "    print(f'{i:05d}' + 'x' * 999_995, flush=True)\n    time.sleep(0.1)";

    @TempDir
    static Path data;
    static KernelTestServer server;
    static Notebooks notebooks;

    @BeforeAll
    static void start() {
        // outputs kept in the events themselves, so the test can read them there (see recordedOutputs)
        QuireSettings embedded = QuireSettings.embedded(data);
        server = KernelTestServer.start(new QuireSettings(embedded.dataDirectory(), embedded.databaseUrl(),
                embedded.snapshotThreshold(), embedded.kernelStartTimeout(), Integer.MAX_VALUE,
                embedded.kernelPoolSize(), embedded.cullIdleAfter(), embedded.outputStore(), embedded.s3()),
                io.quire.gateway.http.ServerSettings.DEFAULT_MAX_BODY_BYTES);
        notebooks = new Notebooks(server.quire());
        JsonObject cell = new JsonObject().put("cell_type", "code").put("id", "flood").put("metadata", new JsonObject())
                .put("outputs", new JsonArray()).putNull("execution_count").put("source", FLOOD);
        JsonObject notebook = new JsonObject().put("cells", new JsonArray().add(cell)).put("nbformat", 4)
                .put("nbformat_minor", 5).put("metadata", new JsonObject().put("kernelspec", new JsonObject()
                        .put("name", "python3").put("display_name", "Python 3").put("language", "python")));
        notebooks.importNotebook(notebook.encode().getBytes(StandardCharsets.UTF_8), PATH, PATH, "ann");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aClientThatStopsReadingLosesOutputsNotMemoryAndOthersGetEverything() throws Exception {
        JsonObject session = server.post("/api/sessions", new JsonObject().put("path", PATH).put("type", "notebook")
                .put("kernel", new JsonObject().put("name", "python3")).encode()).json();
        String kernelId = session.getJsonObject("kernel").getString("id");
        try (Socket stalled = stalledClient(kernelId);
             KernelSocket reading = KernelSocket.open(server, kernelId, true)) {
            awaitClients(kernelId, 2);

            String msgId = reading.executeRequest(FLOOD, new JsonObject().put("cellId", "flood"))
                    .getJsonObject("header").getString("msg_id");
            JsonObject reply = reading.await(message -> "execute_reply".equals(type(message))
                    && msgId.equals(parent(message)), Duration.ofMinutes(3));
            assertThat(reply.getJsonObject("content").getString("status")).isEqualTo("ok");
            reading.await(message -> isStatus(message, "idle") && msgId.equals(parent(message)), Duration.ofMinutes(1));

            JsonObject slow = client(kernelId, "stalled");
            JsonObject fast = client(kernelId, reading.session());
            StringBuilder received = new StringBuilder();
            reading.seenWithParent(msgId).stream().filter(message -> "stream".equals(type(message)))
                    .forEach(message -> received.append(message.getJsonObject("content").getString("text")));
            assertThat(received.length()).as(fast.encode()).isEqualTo(LINES * LINE);
            assertThat(received.toString()).startsWith("00000xxx").contains("\n00049xxx")
                    .doesNotContain("Quire is dropping output");

            assertThat(fast.getLong("dropped_messages")).isZero();
            assertThat(slow.getLong("dropped_messages")).isGreaterThan(LINES / 4);
            assertThat(slow.getLong("dropped_bytes")).as(slow.encode()).isGreaterThan(20_000_000L);
            // what waits for the stalled client stays near its 16 MiB write queue, far below the 50 MB printed
            assertThat(slow.getLong("peak_queued_bytes")).as(slow.encode()).isLessThan(24L * 1024 * 1024);

            assertThat(occurrences(readUntilQuiet(stalled), "Quire is dropping output for this client")).isEqualTo(1);
        }

        // Read from the events, as recorded: merging 50 stream outputs of 1 MB into one (as the live notebook
        // and its history do) copies the text over and over, for minutes.
        StringBuilder recorded = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonNode output : recordedOutputs()) {
            com.fasterxml.jackson.databind.JsonNode text = output.get("text");
            if (text.isArray()) {
                text.forEach(line -> recorded.append(line.asText()));
            } else {
                recorded.append(text.asText());
            }
        }
        assertThat(recorded.length()).isEqualTo(LINES * LINE);
        assertThat(recorded.toString()).startsWith("00000xxx").endsWith("xxx\n").contains("\n00025xxx")
                .doesNotContain("Quire is dropping output");
    }

    /** A WebSocket client of the legacy protocol that upgrades, then never reads: a tiny receive buffer fills. */
    private static Socket stalledClient(String kernelId) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(8 * 1024);
        int port = server.uri("/").getPort();
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        socket.getOutputStream().write(("GET /api/kernels/" + kernelId + "/channels?session_id=stalled&token="
                + KernelTestServer.TOKEN + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("the upgrade answer: " + head).isNotNegative();
            head.write(b);
        }
        assertThat(head.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 101");
        return socket;
    }

    /** Everything the server sends until it has been quiet for two seconds. */
    private static String readUntilQuiet(Socket socket) throws Exception {
        socket.setSoTimeout(2_000);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        try {
            for (int n; (n = socket.getInputStream().read(chunk)) >= 0; ) {
                all.write(chunk, 0, n);
            }
        } catch (SocketTimeoutException quiet) {
            // all that was queued has arrived
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static JsonObject client(String kernelId, String sessionId) {
        JsonArray clients = server.get("/quire/api/kernels/" + kernelId + "/clients").array();
        return clients.stream().map(JsonObject.class::cast).filter(c -> sessionId.equals(c.getString("session_id")))
                .findFirst().orElseThrow(() -> new AssertionError("no client " + sessionId + " in " + clients));
    }

    private static void awaitClients(String kernelId, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (server.get("/quire/api/kernels/" + kernelId + "/clients").array().size() < count) {
            assertThat(Instant.now()).as(count + " clients connected").isBefore(deadline);
            Thread.sleep(20);
        }
    }

    /** The outputs recorded for the flood cell, in order, once the execution's end is recorded. */
    private static List<com.fasterxml.jackson.databind.JsonNode> recordedOutputs() throws InterruptedException {
        String notebookId = server.quire().projections().contents().notebookAt(PATH).orElseThrow();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            List<Object> events = server.quire().eventStore().readEvents(notebookId).asStream()
                    .map(event -> (Object) event.getPayload()).toList();
            if (events.stream().anyMatch(ExecutionEnded.class::isInstance)) {
                return events.stream().filter(OutputProduced.class::isInstance).map(OutputProduced.class::cast)
                        .filter(output -> output.cellId().equals("flood")).map(OutputProduced::output).toList();
            }
            assertThat(Instant.now()).as("the end of the execution recorded").isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
