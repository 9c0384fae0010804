package io.quire.gateway.http.channels;

import io.quire.gateway.http.kernels.KernelTestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Jupyter front end's end of {@code /api/kernels/{id}/channels}, over the JDK's WebSocket client, in either
 * protocol. It decodes frames independently of the server's code, following Jupyter Server's own functions
 * ({@code deserialize_binary_message}, {@code deserialize_msg_from_ws_v1}), into message dicts with a
 * {@code channel} and {@code buffers} (base64 strings).
 */
public final class KernelSocket implements AutoCloseable {

    public static final String V1 = "v1.kernel.websocket.jupyter.org";

    private final boolean v1;
    private final String session;
    private final LinkedBlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final List<JsonObject> seen = new ArrayList<>();
    private final CompletableFuture<int[]> closed = new CompletableFuture<>();
    private volatile String closeReason;
    private WebSocket socket;

    private KernelSocket(boolean v1, String session) {
        this.v1 = v1;
        this.session = session;
    }

    /** Connects as Jupyter front ends do, the token in the URL; {@code v1} offers the binary subprotocol. */
    public static KernelSocket open(KernelTestServer server, String kernelId, boolean v1) {
        return open(server, kernelId, v1, UUID.randomUUID().toString(), KernelTestServer.TOKEN);
    }

    public static KernelSocket open(KernelTestServer server, String kernelId, boolean v1, String session,
                                    String token) {
        return open(server.webSocketUri("/api/kernels/" + kernelId + "/channels?session_id=" + session + "&token="
                + token), v1, session);
    }

    /** Connects to this channels URL (e.g. another Jupyter server's), which already names the session. */
    public static KernelSocket open(URI channels, boolean v1, String session) {
        KernelSocket client = new KernelSocket(v1, session);
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (v1) {
            builder.subprotocols(V1);
        }
        client.socket = builder.buildAsync(channels, client.new Listener()).join();
        return client;
    }

    public String session() {
        return session;
    }

    /** The subprotocol the server chose ("" for none). */
    public String subprotocol() {
        return socket.getSubprotocol();
    }

    /** Sends a message made as @jupyterlab/services makes them; returns it. */
    public JsonObject send(String channel, String msgType, JsonObject content, JsonObject metadata,
                           JsonObject parentHeader) {
        JsonObject header = new JsonObject().put("msg_id", UUID.randomUUID().toString()).put("msg_type", msgType)
                .put("session", session).put("username", "tester")
                .put("date", Instant.now().atOffset(ZoneOffset.UTC).toString()).put("version", "5.3");
        JsonObject message = new JsonObject().put("header", header)
                .put("parent_header", parentHeader == null ? new JsonObject() : parentHeader)
                .put("metadata", metadata == null ? new JsonObject() : metadata).put("content", content)
                .put("channel", channel).put("buffers", new JsonArray());
        if (v1) {
            sendBinary(encodeV1(channel, message));
        } else {
            sendText(message.encode());
        }
        return message;
    }

    /**
     * Sends kernel_info_request until one is answered, as JupyterLab does on connecting: through a proxy (Jupyter
     * Server in gateway mode) the path to the kernel may not be up when the socket opens.
     */
    public JsonObject awaitKernelInfo(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            String msgId = send("shell", "kernel_info_request", new JsonObject(), null, null)
                    .getJsonObject("header").getString("msg_id");
            try {
                return await(message -> "kernel_info_reply".equals(type(message)) && msgId.equals(parent(message)),
                        Duration.ofSeconds(3));
            } catch (AssertionError unanswered) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("no kernel_info_reply within " + timeout + "; received: " + types());
                }
            }
        }
    }

    public JsonObject executeRequest(String code, JsonObject metadata) {
        return send("shell", "execute_request", new JsonObject().put("code", code).put("silent", false)
                .put("store_history", true).put("user_expressions", new JsonObject()).put("allow_stdin", true)
                .put("stop_on_error", true), metadata, null);
    }

    /** Runs code and waits for the execute_reply and the status idle of it (in either order). */
    public Execution execute(String code, JsonObject metadata) throws InterruptedException {
        String msgId = executeRequest(code, metadata).getJsonObject("header").getString("msg_id");
        JsonObject reply = await(message -> "execute_reply".equals(type(message)) && msgId.equals(parent(message)),
                Duration.ofSeconds(60));
        await(message -> isStatus(message, "idle") && msgId.equals(parent(message)), Duration.ofSeconds(60));
        List<JsonObject> iopub = seenWithParent(msgId).stream()
                .filter(message -> "iopub".equals(message.getString("channel"))).toList();
        return new Execution(reply, iopub);
    }

    /** What an execution gave back. */
    public record Execution(JsonObject reply, List<JsonObject> iopub) {
        public List<String> iopubTypes() {
            return iopub.stream().map(KernelSocket::type).toList();
        }

        public JsonObject first(String msgType) {
            return iopub.stream().filter(m -> msgType.equals(type(m))).findFirst().orElseThrow(() ->
                    new AssertionError("no " + msgType + " among " + iopubTypes()));
        }
    }

    public void sendText(String text) {
        socket.sendText(text, true).join();
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** Sends without waiting: the server may close the connection before all of it is out. */
    public void sendBinaryRegardless(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).exceptionally(failure -> null);
    }

    /**
     * The first message received (now or within {@code timeout}) that matches and has not been awaited before;
     * every message received stays available to {@link #seenWithParent}.
     */
    public JsonObject await(Predicate<JsonObject> wanted, Duration timeout) throws InterruptedException {
        synchronized (seen) {
            for (JsonObject message : seen) {
                if (!message.getBoolean("_awaited", false) && wanted.test(message)) {
                    message.put("_awaited", true);
                    return message;
                }
            }
        }
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonObject message = received.poll(Duration.between(Instant.now(), deadline).toMillis(),
                    TimeUnit.MILLISECONDS);
            if (message == null) {
                break;
            }
            synchronized (seen) {
                seen.add(message);
            }
            if (wanted.test(message)) {
                message.put("_awaited", true);
                return message;
            }
        }
        throw new AssertionError("no matching message within " + timeout + "; received: " + types());
    }

    /** Every message received so far (awaited or not) whose parent is {@code msgId}, in order. */
    public List<JsonObject> seenWithParent(String msgId) {
        drain();
        synchronized (seen) {
            return seen.stream().filter(message -> msgId.equals(parent(message))).toList();
        }
    }

    /** Every message received so far, in order. */
    public List<JsonObject> all() {
        drain();
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    private void drain() {
        List<JsonObject> more = new ArrayList<>();
        received.drainTo(more);
        synchronized (seen) {
            seen.addAll(more);
        }
    }

    private List<String> types() {
        return all().stream().map(m -> m.getString("channel") + ":" + type(m)
                + (type(m).equals("status") ? "(" + m.getJsonObject("content").getString("execution_state") + ")"
                : "")).toList();
    }

    /** The close status once the server closed the connection (1006 when it went without a close frame). */
    public int awaitClose(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS)[0];
    }

    public String closeReason() {
        return closeReason;
    }

    public static String type(JsonObject message) {
        return message.getJsonObject("header").getString("msg_type");
    }

    public static String parent(JsonObject message) {
        JsonObject parent = message.getJsonObject("parent_header");
        return parent == null ? null : parent.getString("msg_id");
    }

    public static boolean isStatus(JsonObject message, String state) {
        return "status".equals(type(message)) && state.equals(message.getJsonObject("content")
                .getString("execution_state"));
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(failure -> null);
        }
        socket.abort();
    }

    // ---- the two wire formats, as Jupyter Server's Python functions read and write them ----

    static byte[] encodeV1(String channel, JsonObject message) {
        List<byte[]> parts = List.of(bytes(message.getJsonObject("header")), bytes(message.getJsonObject(
                "parent_header")), bytes(message.getJsonObject("metadata")), bytes(message.getJsonObject("content")));
        byte[] name = channel.getBytes(StandardCharsets.UTF_8);
        int count = parts.size() + 2;
        ByteBuffer frame = ByteBuffer.allocate(8 * (count + 1) + name.length
                + parts.stream().mapToInt(p -> p.length).sum()).order(ByteOrder.LITTLE_ENDIAN);
        long offset = 8L * (1 + count);
        frame.putLong(count).putLong(offset);
        offset += name.length;
        frame.putLong(offset);
        for (byte[] part : parts) {
            offset += part.length;
            frame.putLong(offset);
        }
        frame.put(name);
        parts.forEach(frame::put);
        return frame.array();
    }

    static JsonObject decodeV1(byte[] frame) {
        ByteBuffer buffer = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        int count = (int) buffer.getLong(0);
        long[] offsets = new long[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = buffer.getLong(8 * (i + 1));
        }
        String channel = new String(frame, (int) offsets[0], (int) (offsets[1] - offsets[0]), StandardCharsets.UTF_8);
        List<byte[]> parts = new ArrayList<>();
        for (int i = 1; i < count - 1; i++) {
            parts.add(java.util.Arrays.copyOfRange(frame, (int) offsets[i], (int) offsets[i + 1]));
        }
        JsonArray buffers = new JsonArray();
        parts.subList(4, parts.size()).forEach(part -> buffers.add(Base64.getEncoder().encodeToString(part)));
        return new JsonObject().put("channel", channel).put("header", json(parts.get(0)))
                .put("parent_header", json(parts.get(1))).put("metadata", json(parts.get(2)))
                .put("content", json(parts.get(3))).put("buffers", buffers);
    }

    static JsonObject decodeLegacyBinary(byte[] frame) {
        ByteBuffer buffer = ByteBuffer.wrap(frame); // network order
        int count = buffer.getInt(0);
        long[] offsets = new long[count + 1];
        for (int i = 0; i < count; i++) {
            offsets[i] = Integer.toUnsignedLong(buffer.getInt(4 * (i + 1)));
        }
        offsets[count] = frame.length;
        JsonObject message = json(java.util.Arrays.copyOfRange(frame, (int) offsets[0], (int) offsets[1]));
        JsonArray buffers = new JsonArray();
        for (int i = 1; i < count; i++) {
            buffers.add(Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(frame, (int) offsets[i],
                    (int) offsets[i + 1])));
        }
        return message.put("buffers", buffers).put("_binary", true);
    }

    private static byte[] bytes(JsonObject json) {
        return json.encode().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject json(byte[] bytes) {
        return new JsonObject(new String(bytes, StandardCharsets.UTF_8));
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received.add(new JsonObject(text.toString()));
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binary.writeBytes(chunk);
            if (last) {
                byte[] frame = binary.toByteArray();
                binary.reset();
                received.add(v1 ? decodeV1(frame) : decodeLegacyBinary(frame));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closed.complete(new int[] {statusCode});
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeReason = String.valueOf(error.getMessage());
            closed.complete(new int[] {1006}); // closed without a close frame: "abnormal closure"
        }
    }
}
