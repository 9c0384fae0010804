package io.quire.gateway.http.runs;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.gateway.http.kernels.KernelTestServer;
import io.quire.gateway.http.kernels.KernelTestServer.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs started, listed, followed and cancelled over HTTP, on a real server with Debian's python3 kernel (skipped
 * without it, except in CI).
 */
class RunRoutesTest {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    static Path data;
    @TempDir
    static Path files;
    private static KernelTestServer server;

    @BeforeAll
    static void start() {
        server = KernelTestServer.start(data);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aNotebookFileRunsWithItsParametersAndKeepsItsOutput() throws Exception {
        Path input = RunNotebookFiles.write(files.resolve("greet.ipynb"), "greeting = 'hi'\ntimes = 1",
                "print(greeting * times)");
        Path output = files.resolve("out/greet-output.ipynb");

        Response started = server.post("/quire/api/runs", "{\"input\": \"" + input + "\", \"output\": \"" + output
                + "\", \"parameters\": {\"greeting\": \"hello \", \"times\": 3}}");

        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode run = RunNotebookFiles.JSON.readTree(started.body());
        String id = run.get("id").asText();
        assertThat(started.headers().firstValue("Location")).hasValue("/quire/api/runs/" + id);
        assertThat(run.get("status").asText()).isIn("REQUESTED", "RUNNING");
        assertThat(run.get("trigger").asText()).isEqualTo("API");
        assertThat(run.get("requestedBy").asText()).isEqualTo(KernelTestServer.OWNER);
        assertThat(run.get("parameters").toString()).isEqualTo("{\"greeting\":\"hello \",\"times\":3}");
        assertThat(run.get("outputLocation").asText()).contains("greet-output.ipynb");
        assertThat(run.get("warnings").isArray()).isTrue();
        assertThat(run.get("links").get("events").asText()).isEqualTo("/quire/api/runs/" + id + "/events");

        JsonNode ended = awaitEnd(id);
        assertThat(ended.get("status").asText()).as(ended.toString()).isEqualTo("SUCCEEDED");
        assertThat(ended.get("cellsDone").asInt()).isEqualTo(ended.get("cellsTotal").asInt()).isEqualTo(3);
        assertThat(ended.get("durationSeconds").asDouble()).isPositive();
        assertThat(ended.get("failure").isNull()).isTrue();
        assertThat(Files.readString(output)).contains("hello hello hello ");
    }

    @Test
    void runsAreListedNewestFirstAndByNotebook() throws Exception {
        Response created = server.send(server.request("/api/contents/listed/report.ipynb").PUT(
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\": \"notebook\", \"content\": "
                        + RunNotebookFiles.notebook("n = 1", "print(n + 1)") + "}")));
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        String first = startedId("{\"input\": \"quire:listed/report.ipynb\"}");
        String second = startedId("{\"input\": \"quire:listed/report.ipynb@0\", \"parameters\": {\"n\": 41}}");
        awaitEnd(first);
        JsonNode secondEnded = awaitEnd(second);
        assertThat(secondEnded.get("source").asText()).isEqualTo("quire:listed/report.ipynb@0");
        assertThat(secondEnded.get("version").asLong()).isZero();

        Response ofNotebook = server.get("/quire/api/runs?notebook=listed/report.ipynb");
        assertThat(ofNotebook.status()).as(ofNotebook.body()).isEqualTo(200);
        assertThat(ids(ofNotebook)).containsExactly(second, first);
        assertThat(ids(server.get("/quire/api/runs?notebook=listed/report.ipynb&limit=1"))).containsExactly(second);
        assertThat(ids(server.get("/quire/api/runs"))).contains(first, second);

        Response one = server.get("/quire/api/runs/" + first);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().getString("status")).isEqualTo("SUCCEEDED");
        assertThat(one.json().getString("requestedAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void theEventStreamFollowsTheRunCellByCellAndClosesAtItsEnd() throws Exception {
        Path input = RunNotebookFiles.write(files.resolve("slow.ipynb"), "steps = 6",
                "import time\nfor i in range(steps):\n    print('step', i, flush=True)\n    time.sleep(0.5)",
                "print('done')");
        String id = startedId("{\"input\": \"" + input + "\"}");

        EventStreamClient.Stream live = EventStreamClient.read(server.uri("/quire/api/runs/" + id + "/events"),
                KernelTestServer.TOKEN, null, RUN_TIMEOUT);

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.contentType()).startsWith("text/event-stream");
        List<String> types = live.types();
        assertThat(types.get(0)).isEqualTo("RunRequested");
        assertThat(types.get(1)).isEqualTo("RunStarted");
        assertThat(types.get(types.size() - 1)).isEqualTo("RunSucceeded");
        assertThat(types).containsSubsequence("RunCellStarted", "RunCellEnded", "RunCellStarted", "RunOutputProduced",
                "RunOutputProduced", "RunOutputProduced", "RunOutputProduced", "RunCellEnded", "RunCellStarted",
                "RunOutputProduced", "RunCellEnded", "RunSucceeded");
        for (int i = 0; i < live.events().size(); i++) {
            EventStreamClient.Event event = live.events().get(i);
            assertThat(event.id()).as("ids are the events' sequence numbers, each once").isEqualTo(i);
            assertThat(event.data().get("sequence").asLong()).isEqualTo(i);
            assertThat(event.data().get("runId").asText()).isEqualTo(id);
        }
        List<EventStreamClient.Event> outputs = live.events().stream()
                .filter(event -> event.type().equals("RunOutputProduced")).toList();
        assertThat(outputs.get(0).data().get("output").get("text").asText()).contains("step 0");
        // The kernel prints them 2.5 s apart in all; delivered at the end they would arrive within milliseconds. The
        // bound leaves 2 s for a stream that connects late (what was printed before arrives at once) or a first
        // delivery seen 350 ms late on a loaded machine.
        assertThat(outputs.get(5).data().get("output").get("text").asText()).contains("step 5");
        assertThat(outputs.get(5).arrivedNanos() - outputs.get(0).arrivedNanos())
                .as("outputs arrive as the cell prints them, not all at the end")
                .isGreaterThan(Duration.ofMillis(500).toNanos());

        EventStreamClient.Stream recorded = EventStreamClient.read(
                server.uri("/quire/api/runs/" + id + "/events?follow=false"), KernelTestServer.TOKEN, null,
                RUN_TIMEOUT);
        assertThat(recorded.types()).isEqualTo(types);
        EventStreamClient.Stream resumed = EventStreamClient.read(server.uri("/quire/api/runs/" + id + "/events"),
                KernelTestServer.TOKEN, "2", RUN_TIMEOUT);
        assertThat(resumed.types()).isEqualTo(types.subList(3, types.size()));
    }

    @Test
    void aRunningRunIsCancelledAndAnEndedOneCannotBe() throws Exception {
        Path input = RunNotebookFiles.write(files.resolve("sleepy.ipynb"), "seconds = 60",
                "import time\nprint('sleeping', flush=True)\ntime.sleep(seconds)", "print('never')");
        String id = startedId("{\"input\": \"" + input + "\"}");
        awaitOutput(id, "sleeping");

        Response cancelled = server.post("/quire/api/runs/" + id + "/cancel", "{\"reason\": \"too slow\"}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);

        long before = System.nanoTime();
        JsonNode ended = awaitEnd(id);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(30));
        assertThat(ended.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(ended.get("note").asText()).contains("too slow");
        EventStreamClient.Stream events = EventStreamClient.read(
                server.uri("/quire/api/runs/" + id + "/events?follow=false"), KernelTestServer.TOKEN, null,
                RUN_TIMEOUT);
        assertThat(events.types()).contains("RunCancellationRequested").last().isEqualTo("RunCancelled");

        Response again = server.post("/quire/api/runs/" + id + "/cancel", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().getString("message")).contains("has already ended");
    }

    @Test
    void secretsReachTheKernelButNeverTheRunTheEventsOrTheOutput() throws Exception {
        String secret = "sup3r-s3cret-t0ken-value";
        Path input = RunNotebookFiles.write(files.resolve("secret.ipynb"), "token = ''",
                "print('token is', token)\nprint('length', len(token))");
        Path output = files.resolve("out/secret-output.ipynb");
        Response started = server.post("/quire/api/runs", "{\"input\": \"" + input + "\", \"output\": \"" + output
                + "\", \"secrets\": {\"token\": \"" + secret + "\"}}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String id = started.json().getString("id");
        JsonNode ended = awaitEnd(id);

        assertThat(ended.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(ended.get("secretNames").toString()).isEqualTo("[\"token\"]");
        assertThat(started.body()).doesNotContain(secret);
        assertThat(ended.toString()).doesNotContain(secret);
        EventStreamClient.Stream events = EventStreamClient.read(
                server.uri("/quire/api/runs/" + id + "/events?follow=false"), KernelTestServer.TOKEN, null,
                RUN_TIMEOUT);
        assertThat(events.events().toString()).doesNotContain(secret).contains("token is ********");
        String notebook = Files.readString(output);
        assertThat(notebook).doesNotContain(secret).contains("length " + secret.length());
        assertThat(filesContaining(data, secret)).as("files of the data directory holding the secret").isEmpty();
    }

    @Test
    void aRunIsRetriedWithItsParametersAndItsSecretsGivenAgain() throws Exception {
        Path input = RunNotebookFiles.write(files.resolve("retried.ipynb"), "n = 0\nkey = ''",
                "print('n is', n, 'key length', len(key))");
        String first = startedId("{\"input\": \"" + input + "\", \"parameters\": {\"n\": 7},"
                + " \"secrets\": {\"key\": \"abcdef\"}}");
        awaitEnd(first);

        Response withoutSecrets = server.post("/quire/api/runs", "{\"retryOf\": \"" + first + "\"}");
        assertThat(withoutSecrets.status()).as(withoutSecrets.body()).isEqualTo(400);
        assertThat(withoutSecrets.json().getString("message")).contains("secret parameters [key]");

        String retry = startedId("{\"retryOf\": \"" + first + "\", \"secrets\": {\"key\": \"ghijkl\"}}");
        JsonNode ended = awaitEnd(retry);
        assertThat(ended.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(ended.get("trigger").asText()).isEqualTo("RETRY");
        assertThat(ended.get("retryOf").asText()).isEqualTo(first);
        assertThat(ended.get("parameters").toString()).isEqualTo("{\"n\":7}");
        EventStreamClient.Stream events = EventStreamClient.read(
                server.uri("/quire/api/runs/" + retry + "/events?follow=false"), KernelTestServer.TOKEN, null,
                RUN_TIMEOUT);
        assertThat(events.events().toString()).contains("n is 7 key length 6");
    }

    @Test
    void strictParametersAndATakenOutputAreRefusedBeforeAnythingRuns() throws Exception {
        Path input = RunNotebookFiles.write(files.resolve("strict.ipynb"), "count: int = 1", "print(count)");
        Path taken = Files.writeString(files.resolve("taken.ipynb"), "{}");
        int runsBefore = server.get("/quire/api/runs?limit=1000").array().size();

        Response undeclared = server.post("/quire/api/runs", "{\"input\": \"" + input + "\", \"strict\": true,"
                + " \"parameters\": {\"cuont\": 2}}");
        assertThat(undeclared.status()).as(undeclared.body()).isEqualTo(400);
        assertThat(undeclared.json().getString("message")).contains("cuont");
        Response overwrite = server.post("/quire/api/runs", "{\"input\": \"" + input + "\", \"output\": \""
                + taken + "\"}");
        assertThat(overwrite.status()).as(overwrite.body()).isEqualTo(409);
        assertThat(overwrite.json().getString("message")).contains("never overwritten");
        assertThat(Files.readString(taken)).isEqualTo("{}");
        assertThat(server.get("/quire/api/runs?limit=1000").array().size()).isEqualTo(runsBefore);
    }

    private static String startedId(String body) {
        Response started = server.post("/quire/api/runs", body);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().getString("id");
    }

    /** Follows the run's events to its end, then answers the run as the history shows it. */
    private static JsonNode awaitEnd(String id) throws Exception {
        EventStreamClient.Stream stream = EventStreamClient.read(server.uri("/quire/api/runs/" + id + "/events"),
                KernelTestServer.TOKEN, null, RUN_TIMEOUT);
        assertThat(stream.status()).isEqualTo(200);
        server.quire().awaitProjections(Duration.ofSeconds(30));
        Response run = server.get("/quire/api/runs/" + id);
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        return RunNotebookFiles.JSON.readTree(run.body());
    }

    /** Waits until the run has printed {@code text}: its cell is running. */
    private static void awaitOutput(String id, String text) throws Exception {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        String events;
        while (!(events = server.get("/quire/api/runs/" + id + "/events?follow=false").body()).contains(text)) {
            String soFar = events;
            assertThat(System.nanoTime()).as(() -> "the run printed '" + text + "' in time; its events so far:\n"
                    + soFar + "\nthe run: " + server.get("/quire/api/runs/" + id).body()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static List<String> ids(Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.array().stream().map(run -> ((io.vertx.core.json.JsonObject) run).getString("id")).toList();
    }

    private static List<Path> filesContaining(Path directory, String text) throws IOException {
        byte[] needle = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile).filter(file -> {
                try {
                    return indexOf(Files.readAllBytes(file), needle) >= 0;
                } catch (IOException e) {
                    return false; // a file that vanished (a kernel's connection file) holds nothing
                }
            }).toList();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
