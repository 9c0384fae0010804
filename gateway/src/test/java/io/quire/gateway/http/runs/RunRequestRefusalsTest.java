package io.quire.gateway.http.runs;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.gateway.http.contents.TestServer;
import io.quire.gateway.http.contents.TestServer.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Run requests the server refuses, each with a status and a message a person can act on, and nothing recorded;
 * none needs a kernel. The server goes on serving after each.
 */
class RunRequestRefusalsTest {

    @TempDir
    static Path files;
    private static TestServer server;
    private static String notebook;

    @BeforeAll
    static void start() {
        server = TestServer.shared();
        notebook = RunNotebookFiles.write(files.resolve("refusals.ipynb"), "x = 1", "print(x)").toString();
    }

    @Test
    void bodiesThatAreNotARunRequestAre400WithTheReason() {
        assertRefused("{\"input\": ", 400, "not valid JSON");
        assertRefused("[1, 2]", 400, "must be a JSON object, not an array");
        assertRefused("", 400, "body is empty");
        assertRefused("{}", 400, "'input' is required");
        assertRefused("{\"input\": 42}", 400, "'input' must be a string, not a number (42)");
        assertRefused(body("\"parameters\": \"x=1\""), 400, "'parameters' must be a JSON object");
        assertRefused(body("\"secrets\": [1]"), 400, "'secrets' must be a JSON object");
        assertRefused(body("\"cellTimeoutSeconds\": \"10\""), 400, "'cellTimeoutSeconds' must be a positive number");
        assertRefused(body("\"runTimeoutSeconds\": -1"), 400, "'runTimeoutSeconds' must be a positive number");
        assertRefused(body("\"strict\": \"yes\""), 400, "'strict' must be true or false");
        assertRefused(body("\"paramters\": {}"), 400, "unknown field 'paramters'");
        assertRefused(body("\"parameters\": {\"x\": 1}, \"parameters\": {\"x\": 2}"), 400, "Duplicate field");
        assertRefused("{\"retryOf\": \"r1\", \"parameters\": {\"x\": 2}}", 400,
                "'parameters' cannot be given with 'retryOf'");
        assertRefused(body("\"cwd\": \"no/such/directory\""), 400, "is not a directory on the server");
    }

    @Test
    void whatTheRequestNamesMustExist() {
        assertRefused("{\"input\": \"" + files.resolve("none.ipynb") + "\"}", 400, "no notebook at");
        assertRefused("{\"input\": \"quire:refusals/none.ipynb\"}", 404, "no notebook at refusals/none.ipynb");
        assertRefused("{\"input\": \"http://example.com/a.ipynb\"}", 400, "only local paths, s3:// and quire:");
        assertRefused(body("\"kernel\": \"no-such-kernel\""), 404, "no kernel named 'no-such-kernel'");
        assertRefused("{\"retryOf\": \"no-such-run\"}", 404, "no run no-such-run");
        assertRefused(body("\"parameters\": {\"not a name\": 1}"), 400, "is not a valid parameter name");
    }

    @Test
    void unknownRunsAre404AndBadQueriesAre400() {
        Answer unknown = server.get("/quire/api/runs/no-such-run");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).contains("no run no-such-run");
        assertThat(server.post("/quire/api/runs/no-such-run/cancel", "").status()).isEqualTo(404);
        assertThat(server.get("/quire/api/runs/no-such-run/events").status()).isEqualTo(404);
        assertThat(server.get("/quire/api/runs?limit=0").status()).isEqualTo(400);
        assertThat(server.get("/quire/api/runs?limit=ten").status()).isEqualTo(400);
        assertThat(server.get("/quire/api/runs?notebook=a.ipynb&schedule=s").status()).isEqualTo(400);
        assertThat(server.get("/quire/api/runs?notebook=refusals/none.ipynb").status()).isEqualTo(404);
        assertThat(server.get("/quire/api/runs/no-such-run/events?follow=maybe").status()).isEqualTo(400);
        assertThat(server.get("/quire/api/runs").status()).isEqualTo(200);
    }

    @Test
    void aNotebookIsNotARun() {
        var model = TestServer.JSON.createObjectNode().put("type", "notebook");
        model.set("content", RunNotebookFiles.notebook("x = 1", "print(x)"));
        assertThat(server.put("/api/contents/refusals/notebook.ipynb", model).status()).isIn(200, 201);
        String notebookId = server.quire.projections().contents().notebookAt("refusals/notebook.ipynb").orElseThrow();
        long events = server.quire.eventStore().readEvents(notebookId).asStream().count();

        assertThat(server.get("/quire/api/runs/" + notebookId + "/events").status()).isEqualTo(404);
        assertThat(server.post("/quire/api/runs/" + notebookId + "/cancel", "").status()).isEqualTo(404);
        assertThat(server.quire.eventStore().readEvents(notebookId).asStream().count()).isEqualTo(events);
    }

    @Test
    void withoutATokenNothingIsServed() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (HttpRequest request : new HttpRequest[]{
                anonymous("/quire/api/runs").GET().build(),
                anonymous("/quire/api/runs").POST(HttpRequest.BodyPublishers.ofString(body(""))).build(),
                anonymous("/quire/api/runs/x").GET().build(),
                anonymous("/quire/api/runs/x/events").GET().build(),
                anonymous("/quire/api/runs/x/cancel").POST(HttpRequest.BodyPublishers.noBody()).build()}) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(request.toString()).isEqualTo(403);
            assertThat(response.body()).contains("a token is required");
        }
    }

    private static HttpRequest.Builder anonymous(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.server.port() + path))
                .timeout(Duration.ofSeconds(30));
    }

    /** A request for the test notebook, with more fields. */
    private static String body(String more) {
        return "{\"input\": \"" + notebook + "\"" + (more.isEmpty() ? "" : ", " + more) + "}";
    }

    private static void assertRefused(String body, int status, String message) {
        int runsBefore = runsRecorded();
        Answer answer = server.post("/quire/api/runs", body);

        assertThat(answer.status()).as(body + " -> " + answer.body()).isEqualTo(status);
        JsonNode json = answer.json();
        assertThat(json.get("message").asText()).as(body).contains(message);
        assertThat(runsRecorded()).as("runs recorded").isEqualTo(runsBefore);
    }

    /**
     * The runs of this test's notebooks recorded so far, once the run history shows them all (the server is shared:
     * other tests' runs come and go meanwhile).
     */
    private static int runsRecorded() {
        try {
            server.quire.awaitProjections(java.time.Duration.ofSeconds(30));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        int runs = 0;
        for (JsonNode run : server.get("/quire/api/runs?limit=1000").json()) {
            if (run.toString().contains("refusals")) {
                runs++;
            }
        }
        return runs;
    }
}
