package io.quire.gateway.http.contents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.gateway.Quire;
import io.quire.gateway.QuireSettings;
import io.quire.gateway.http.Features;
import io.quire.gateway.http.QuireServer;
import io.quire.gateway.http.ServerSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One real Quire node and HTTP server for the contents and history tests (started once per test JVM: each test
 * uses its own paths), and an HTTP client that talks to it as Jupyter clients do.
 */
public final class TestServer {

    public static final String TOKEN = "t0k";
    public static final ObjectMapper JSON = new ObjectMapper();

    private static TestServer shared;

    public final Path data;
    public final Quire quire;
    public final QuireServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    private TestServer(Path data, long maxBodyBytes) {
        this.data = data;
        this.quire = Quire.start(QuireSettings.embedded(data), false);
        this.server = QuireServer.start(quire, quire.users(),
                new ServerSettings("127.0.0.1", 0, TOKEN, "ann", maxBodyBytes), Features.all(quire));
    }

    /** The server all tests share; closed when the JVM ends. */
    public static synchronized TestServer shared() {
        if (shared == null) {
            try {
                Path data = Files.createTempDirectory("quire-contents-test");
                shared = new TestServer(data, ServerSettings.DEFAULT_MAX_BODY_BYTES);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    shared.server.close();
                    shared.quire.close();
                    deleteQuietly(data);
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    /** A second server on the shared node, with a small body limit. */
    public QuireServer withBodyLimit(long maxBodyBytes) {
        return QuireServer.start(quire, quire.users(),
                new ServerSettings("127.0.0.1", 0, TOKEN, "ann", maxBodyBytes), Features.all(quire));
    }

    /** An answer: status, headers, body text, and the body as JSON when it is JSON. */
    public record Answer(int status, HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null);
    }

    public Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    public Answer patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    /** Sends a request with the token; a String body is sent as it is, anything else as JSON. */
    public Answer send(String method, String pathAndQuery, Object body) {
        return send(server.port(), method, pathAndQuery, body);
    }

    public Answer send(int port, String method, String pathAndQuery, Object body) {
        return send(port, TOKEN, method, pathAndQuery, body);
    }

    /** Sends a request with another user's token. */
    public Answer sendAs(String token, String method, String pathAndQuery, Object body) {
        return send(server.port(), token, method, pathAndQuery, body);
    }

    private Answer send(int port, String token, String method, String pathAndQuery, Object body) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                    .header("Authorization", "token " + token)
                    .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Text as nbformat writes it, a string or a list of lines, joined. */
    public static String text(JsonNode text) {
        if (!text.isArray()) {
            return text.asText();
        }
        StringBuilder joined = new StringBuilder();
        text.forEach(line -> joined.append(line.asText()));
        return joined.toString();
    }

    /** The simple names of a notebook's event payloads from sequence number {@code from} on. */
    public List<String> eventsSince(String path, long from) {
        String notebookId = quire.projections().contents().notebookAt(path).orElseThrow();
        return quire.eventStore().readEvents(notebookId, from).asStream()
                .map(event -> event.getPayloadType().getSimpleName()).collect(Collectors.toList());
    }

    /** The latest version (event sequence number) of the notebook at {@code path}. */
    public long version(String path) {
        String notebookId = quire.projections().contents().notebookAt(path).orElseThrow();
        return quire.projections().liveNotebooks().find(notebookId).orElseThrow().version();
    }
}
