package io.quire.bench.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * One WebSocket on a kernel's channels endpoint, legacy JSON protocol, the same code for every server: a round
 * trip sends an execute_request and ends when the shell execute_reply and the iopub status idle whose parent is
 * that request have both arrived. One request at a time per client.
 */
final class WsKernelClient implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String session = UUID.randomUUID().toString();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile Pending pending;
    private CompletableFuture<WebSocket> lastSend = CompletableFuture.completedFuture(null);

    private static final class Pending {
        final String id;
        boolean reply;
        boolean idle;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Pending(String id) {
            this.id = id;
        }
    }

    static WsKernelClient connect(HttpClient http, String baseWs, String kernelId, String token) throws Exception {
        WsKernelClient client = new WsKernelClient();
        URI uri = URI.create(baseWs + "/api/kernels/" + kernelId + "/channels?session_id=" + client.session
                + "&token=" + token);
        client.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                .buildAsync(uri, client).get(30, TimeUnit.SECONDS);
        return client;
    }

    /** One round trip, in nanoseconds. */
    long roundTrip(Duration timeout) throws Exception {
        String id = UUID.randomUUID().toString();
        Pending p = new Pending(id);
        String message = "{\"header\":{\"msg_id\":\"" + id + "\",\"username\":\"bench\",\"session\":\"" + session
                + "\",\"msg_type\":\"execute_request\",\"version\":\"5.3\",\"date\":\"" + Instant.now() + "\"},"
                + "\"parent_header\":{},\"metadata\":{},\"content\":{\"code\":\"1+1\",\"silent\":false,"
                + "\"store_history\":true,\"user_expressions\":{},\"allow_stdin\":false,\"stop_on_error\":true},"
                + "\"channel\":\"shell\",\"buffers\":[]}";
        lastSend.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        pending = p;
        long t0 = System.nanoTime();
        lastSend = socket.sendText(message, true);
        p.done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return System.nanoTime() - t0;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            handle(text);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        webSocket.request(1);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        Pending p = pending;
        if (p != null) {
            p.done.completeExceptionally(error);
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        Pending p = pending;
        if (p != null) {
            p.done.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
        }
        return null;
    }

    private void handle(String text) {
        Pending p = pending;
        if (p == null) {
            return;
        }
        try {
            JsonNode m = JSON.readTree(text);
            if (!p.id.equals(m.path("parent_header").path("msg_id").asText(null))) {
                return;
            }
            String type = m.path("header").path("msg_type").asText(m.path("msg_type").asText());
            if ("execute_reply".equals(type)) {
                p.reply = true;
            } else if ("status".equals(type) && "idle".equals(m.path("content").path("execution_state").asText())) {
                p.idle = true;
            }
            if (p.reply && p.idle) {
                p.done.complete(null);
            }
        } catch (Exception e) {
            p.done.completeExceptionally(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            socket.abort();
        }
    }
}
