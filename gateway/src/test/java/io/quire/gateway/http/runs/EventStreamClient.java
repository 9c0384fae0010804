package io.quire.gateway.http.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads a Server-Sent Events stream as a browser's EventSource does (frames of {@code id:}, {@code event:},
 * {@code data:} lines ended by a blank line; {@code :} lines are comments), noting when each frame arrived.
 */
final class EventStreamClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * HTTP/1.1, as browsers' EventSource speaks it over plain HTTP. The JDK client's default would first try an
     * h2c upgrade, under which concurrent streams from this server broke (HTTP/1.1 bytes on the HTTP/2 connection).
     */
    private static final HttpClient.Version VERSION = HttpClient.Version.HTTP_1_1;

    /** One event, and when it arrived ({@link System#nanoTime()}). */
    record Event(long id, String type, JsonNode data, long arrivedNanos) {
    }

    /** The stream's answer: its status, content type, and every event until the server closed it. */
    record Stream(int status, String contentType, List<Event> events, String errorBody) {
        List<String> types() {
            return events.stream().map(Event::type).toList();
        }
    }

    private EventStreamClient() {
    }

    /** Reads the stream at {@code uri} to its end, failing if it has not ended within {@code timeout}. */
    static Stream read(URI uri, String token, String lastEventId, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Authorization", "token " + token).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<InputStream> response = HttpClient.newBuilder().version(VERSION).build().send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return new Stream(response.statusCode(), contentType, List.of(),
                            new String(body.readAllBytes(), StandardCharsets.UTF_8));
                }
                List<Event> events = new ArrayList<>();
                // a stream that never ends would block readLine() for ever: close it at the deadline
                CompletableFuture<Void> deadline = CompletableFuture.runAsync(() -> close(body),
                        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS));
                try {
                    frames(body, events);
                } catch (IOException e) {
                    if (deadline.isDone()) {
                        throw new AssertionError("the event stream did not end within " + timeout + "; received: "
                                + events.stream().map(event -> event.id() + " " + event.type()).toList());
                    }
                    throw e;
                } finally {
                    deadline.cancel(false);
                }
                return new Stream(200, contentType, events, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the event stream broke", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // closing is all we want; the reader sees the stream end
        }
    }

    private static void frames(InputStream body, List<Event> events) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        Long id = null;
        String type = null;
        StringBuilder data = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isEmpty()) {
                if (type != null) {
                    events.add(new Event(id == null ? -1 : id, type, JSON.readTree(data.toString()),
                            System.nanoTime()));
                }
                id = null;
                type = null;
                data.setLength(0);
            } else if (line.startsWith("id: ")) {
                id = Long.parseLong(line.substring(4));
            } else if (line.startsWith("event: ")) {
                type = line.substring(7);
            } else if (line.startsWith("data: ")) {
                data.append(line.substring(6));
            }
        }
    }
}
