package io.quire.gateway.http.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.gateway.http.contents.TestServer;
import io.quire.gateway.http.contents.TestServer.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Schedules over Quire's API: create, read, change, pause, resume, delete, and what is refused. */
class ScheduleRoutesTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.shared();
        var model = TestServer.JSON.createObjectNode().put("type", "notebook").put("format", "json");
        var notebook = model.putObject("content").put("nbformat", 4).put("nbformat_minor", 5);
        notebook.putObject("metadata");
        var cell = notebook.putArray("cells").addObject().put("cell_type", "code").put("id", "c1")
                .put("source", "print(1)");
        cell.putObject("metadata");
        cell.putArray("outputs");
        cell.putNull("execution_count");
        server.put("/api/contents/schedules/report.ipynb", model);
    }

    private static String body(String cron) {
        return "{\"notebook\": \"schedules/report.ipynb\", \"name\": \"morning report\", \"cron\": \"" + cron + "\","
                + " \"timeZone\": \"Europe/Paris\", \"parameters\": {\"region\": \"emea\", \"top\": 5},"
                + " \"version\": \"latest-named\", \"retries\": 2, \"retryBackoffSeconds\": 30}";
    }

    @Test
    void aScheduleIsCreatedReadChangedPausedResumedAndDeleted() {
        Answer created = server.post("/quire/api/schedules", body("0 0 6 * * ?"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode schedule = created.json();
        String id = schedule.get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/quire/api/schedules/" + id);
        assertThat(schedule.get("notebook").asText()).isEqualTo("schedules/report.ipynb");
        assertThat(schedule.get("timeZone").asText()).isEqualTo("Europe/Paris");
        assertThat(schedule.get("parameters").toString()).isEqualTo("{\"region\":\"emea\",\"top\":5}");
        assertThat(schedule.get("version").asText()).isEqualTo("latest-named");
        assertThat(schedule.get("misfire").asText()).isEqualTo("run-once");
        assertThat(schedule.get("retryBackoffSeconds").asDouble()).isEqualTo(30.0);
        assertThat(schedule.get("nextFireTime").asText()).endsWith("Z");
        assertThat(schedule.get("createdBy").asText()).isNotBlank();
        assertThat(schedule.get("links").get("runs").asText()).isEqualTo("/quire/api/runs?schedule=" + id);

        assertThat(server.get("/quire/api/schedules").json().findValuesAsText("id")).contains(id);
        assertThat(server.get("/quire/api/schedules/" + id).json().get("cron").asText()).isEqualTo("0 0 6 * * ?");

        Answer changed = server.put("/quire/api/schedules/" + id, body("0 30 7 ? * MON-FRI"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("cron").asText()).isEqualTo("0 30 7 ? * MON-FRI");

        Answer paused = server.post("/quire/api/schedules/" + id + "/pause", "");
        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.json().get("paused").asBoolean()).isTrue();
        assertThat(paused.json().get("nextFireTime").isNull()).isTrue();
        assertThat(server.post("/quire/api/schedules/" + id + "/pause", "").status()).isEqualTo(409);
        assertThat(server.post("/quire/api/schedules/" + id + "/resume", "").json().get("paused").asBoolean())
                .isFalse();

        assertThat(server.delete("/quire/api/schedules/" + id).status()).isEqualTo(204);
        assertThat(server.get("/quire/api/schedules/" + id).status()).isEqualTo(404);
        assertThat(server.delete("/quire/api/schedules/" + id).status()).isEqualTo(404);
    }

    @Test
    void badSchedulesAreRefusedWithTheReason() {
        assertRefused("{\"cron\": \"0 0 6 * * ?\"}", 400, "'notebook' is required");
        assertRefused("{\"notebook\": \"schedules/report.ipynb\"}", 400, "'cron' is required");
        assertRefused(body("61 * * * * ?"), 400, "not a valid Quartz cron expression");
        assertRefused(body("0 0 6 * * ?").replace("Europe/Paris", "Mars/Olympus"), 400, "is not a time zone");
        assertRefused(body("0 0 6 * * ?").replace("latest-named", "newest"), 400, "latest, latest-named");
        assertRefused(body("0 0 6 * * ?").replace("\"retries\": 2", "\"retries\": -1"), 400, "'retries'");
        assertRefused(body("0 0 6 * * ?").replace("\"name\"", "\"nmae\""), 400, "unknown field 'nmae'");
        assertRefused(body("0 0 6 * * ?").replace("schedules/report.ipynb", "schedules/none.ipynb"), 404,
                "no notebook at schedules/none.ipynb");
        assertRefused("not json", 400, "not valid JSON");
        assertThat(server.get("/quire/api/schedules/no-such-schedule").status()).isEqualTo(404);
        assertThat(server.post("/quire/api/schedules/no-such-schedule/resume", "").status()).isEqualTo(404);
    }

    @Test
    void withoutATokenNothingIsServed() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.server.port() + "/quire/api/schedules"))
                .POST(HttpRequest.BodyPublishers.ofString(body("0 0 6 * * ?"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    private static void assertRefused(String body, int status, String message) {
        Answer answer = server.post("/quire/api/schedules", body);
        assertThat(answer.status()).as(body + " -> " + answer.body()).isEqualTo(status);
        assertThat(answer.json().get("message").asText()).contains(message);
    }
}
