package io.quire.gateway.http.runs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quire.domain.run.RunFailure;
import io.quire.domain.run.RunSettings;
import io.quire.domain.run.RunSource;
import io.quire.domain.run.RunTrigger;
import io.quire.domain.run.command.EndRun;
import io.quire.domain.run.command.RequestRun;
import io.quire.gateway.http.contents.TestServer;
import io.quire.gateway.http.contents.TestServer.Answer;
import io.quire.gateway.users.Workspaces;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user limited to workspaces runs and schedules only notebooks under them: no files or S3 objects of the server,
 * no other user's notebooks, and sees only such runs and schedules. None of it needs a kernel: every request here is
 * refused, or looks at runs recorded without one.
 */
class RunWorkspacesTest {

    private static TestServer server;
    private static String wanda;
    private static String insideRun;
    private static String outsideRun;

    @BeforeAll
    static void start() {
        server = TestServer.shared();
        wanda = server.quire.users().add("wanda-runs", Workspaces.of(List.of("runs-wanda")));
        for (String folder : List.of("runs-wanda", "runs-other")) {
            server.put("/api/contents/" + folder, TestServer.JSON.createObjectNode().put("type", "directory"));
        }
        for (String path : List.of("runs-wanda/mine.ipynb", "runs-other/theirs.ipynb")) {
            var model = TestServer.JSON.createObjectNode().put("type", "notebook");
            model.set("content", RunNotebookFiles.notebook("1 + 1"));
            Answer saved = server.put("/api/contents/" + path, model);
            assertThat(saved.status()).as(saved.body()).isIn(200, 201);
        }
        insideRun = endedRun("runs-wanda/mine.ipynb");
        outsideRun = endedRun("runs-other/theirs.ipynb");
    }

    private static String endedRun(String path) {
        String notebookId = server.quire.projections().contents().notebookAt(path).orElseThrow();
        String runId = UUID.randomUUID().toString();
        server.quire.commands().sendAndWait(new RequestRun(runId, RunSource.notebook(notebookId, path, 0, "00"),
                JsonNodeFactory.instance.objectNode(), List.of(), RunSettings.defaults(), RunTrigger.API, null, null,
                "owner"));
        server.quire.commands().sendAndWait(new EndRun(runId, RunFailure.of(RunFailure.Kind.KERNEL_UNAVAILABLE,
                "recorded by the test"), null, null));
        return runId;
    }

    @Test
    void aLimitedUserCannotRunWhatLiesOutsideTheirWorkspaces() {
        for (String body : List.of("{\"input\": \"/etc/hosts\"}", "{\"input\": \"s3://bucket/a.ipynb\"}",
                "{\"input\": \"quire:runs-other/theirs.ipynb\"}",
                "{\"input\": \"quire:runs-wanda/mine.ipynb\", \"output\": \"/tmp/out.ipynb\"}",
                "{\"input\": \"quire:runs-wanda/mine.ipynb\", \"output\": \"quire:runs-other/copy.ipynb\"}",
                "{\"input\": \"quire:runs-wanda/mine.ipynb\", \"cwd\": \"/tmp\"}",
                "{\"retryOf\": \"" + outsideRun + "\"}")) {
            Answer answer = server.sendAs(wanda, "POST", "/quire/api/runs", body);
            assertThat(answer.status()).as(body + " -> " + answer.body()).isEqualTo(403);
        }
        assertThat(server.sendAs(wanda, "GET", "/quire/api/runs/" + outsideRun, null).status()).isEqualTo(403);
        assertThat(server.sendAs(wanda, "GET", "/quire/api/runs/" + outsideRun + "/events", null).status())
                .isEqualTo(403);
        assertThat(server.sendAs(wanda, "GET", "/quire/api/runs?notebook=runs-other/theirs.ipynb", null).status())
                .isEqualTo(403);
        assertThat(server.sendAs(wanda, "POST", "/quire/api/schedules", "{\"notebook\": \"runs-other/theirs.ipynb\","
                + " \"cron\": \"0 0 6 * * ?\"}").status()).isEqualTo(403);
    }

    @Test
    void aLimitedUserSeesOnlyTheRunsAndSchedulesOfTheirNotebooks() {
        List<String> runs = server.sendAs(wanda, "GET", "/quire/api/runs?limit=1000", null).json()
                .findValuesAsText("id");
        assertThat(runs).contains(insideRun).doesNotContain(outsideRun);
        assertThat(server.sendAs(wanda, "GET", "/quire/api/runs/" + insideRun, null).status()).isEqualTo(200);

        Answer mine = server.sendAs(wanda, "POST", "/quire/api/schedules", "{\"notebook\": \"runs-wanda/mine.ipynb\","
                + " \"cron\": \"0 0 6 * * ?\"}");
        assertThat(mine.status()).as(mine.body()).isEqualTo(201);
        Answer theirs = server.post("/quire/api/schedules", "{\"notebook\": \"runs-other/theirs.ipynb\","
                + " \"cron\": \"0 0 6 * * ?\"}");
        String theirId = theirs.json().get("id").asText();
        List<String> visible = server.sendAs(wanda, "GET", "/quire/api/schedules", null).json().findValuesAsText("id");
        assertThat(visible).contains(mine.json().get("id").asText()).doesNotContain(theirId);
        assertThat(server.sendAs(wanda, "POST", "/quire/api/schedules/" + theirId + "/pause", null).status())
                .isEqualTo(403);
        assertThat(server.sendAs(wanda, "DELETE", "/quire/api/schedules/" + theirId, null).status()).isEqualTo(403);
    }
}
