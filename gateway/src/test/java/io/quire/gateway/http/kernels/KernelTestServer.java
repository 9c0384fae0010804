package io.quire.gateway.http.kernels;

import io.quire.gateway.Quire;
import io.quire.gateway.QuireSettings;
import io.quire.gateway.http.Features;
import io.quire.gateway.http.QuireServer;
import io.quire.gateway.http.ServerSettings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Quire node and server on a free port, with every feature, as {@code quire serve} runs it; plus an HTTP
 * client that sends the server's token. Closing it stops the server, then Quire (which stops the kernels), and
 * checks that no kernel process of it is left.
 */
public final class KernelTestServer implements AutoCloseable {

    public static final String TOKEN = "t0k";
    public static final String OWNER = "ann";

    private final Path data;
    private final Quire quire;
    private final QuireServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    private KernelTestServer(Path data, Quire quire, QuireServer server) {
        this.data = data;
        this.quire = quire;
        this.server = server;
    }

    public static KernelTestServer start(Path data) {
        return start(data, ServerSettings.DEFAULT_MAX_BODY_BYTES);
    }

    /** A server that refuses bodies and WebSocket messages larger than {@code maxBodyBytes}. */
    public static KernelTestServer start(Path data, long maxBodyBytes) {
        return start(QuireSettings.embedded(data), maxBodyBytes);
    }

    /** A server on these settings (e.g. with a kernel pool or idle culling). */
    public static KernelTestServer start(QuireSettings settings, long maxBodyBytes) {
        Path data = settings.dataDirectory();
        KernelPrerequisites.require();
        Quire quire = Quire.start(settings, false);
        try {
            QuireServer server = QuireServer.start(quire, quire.users(), new ServerSettings("127.0.0.1", 0, TOKEN,
                    OWNER, maxBodyBytes), Features.all(quire));
            return new KernelTestServer(data, quire, server);
        } catch (RuntimeException e) {
            quire.close();
            throw e;
        }
    }

    public Quire quire() {
        return quire;
    }

    public Path data() {
        return data;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    public URI webSocketUri(String path) {
        return URI.create("ws://127.0.0.1:" + server.port() + path);
    }

    /** The answer to a request: status, body, and the body read as JSON. */
    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonObject json() {
            return new JsonObject(body);
        }

        public JsonArray array() {
            return new JsonArray(body);
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String body) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response patch(String path, String body) {
        return send(request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request and keeps the body as bytes. */
    public HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "token " + TOKEN);
    }

    /** Starts a python3 kernel through the API and returns its model. */
    public JsonObject startKernel() {
        Response started = post("/api/kernels", "{\"name\": \"python3\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json();
    }

    /** Kernel processes started from this server's data directory that are still running. */
    public List<ProcessHandle> kernelProcesses() {
        String marker = data.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(marker)
                        && line.contains("ipykernel")).orElse(false))
                .toList();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            server.close();
        } finally {
            quire.close();
        }
        Instant deadline = Instant.now().plusSeconds(10);
        while (!kernelProcesses().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(kernelProcesses()).as("kernel processes left running").isEmpty();
    }
}
