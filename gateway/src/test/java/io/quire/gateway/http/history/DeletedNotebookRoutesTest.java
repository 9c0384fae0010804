package io.quire.gateway.http.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.gateway.http.contents.TestServer;
import io.quire.gateway.http.contents.TestServer.Answer;
import io.quire.gateway.users.Workspaces;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Deleted notebooks over HTTP: listed per workspace, brought back with their history, refused with reasons. */
class DeletedNotebookRoutesTest {

    private static TestServer server;
    private static String dora;

    @BeforeAll
    static void start() {
        server = TestServer.shared();
        dora = server.quire.users().add("dora", Workspaces.of(List.of("deleted-rest/dora")));
    }

    /** The deleted notebooks under this test's folder (the server is shared with other test classes). */
    private static List<JsonNode> listed(String token) {
        Answer answer = server.sendAs(token, "GET", "/quire/api/deleted-notebooks", null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<JsonNode> mine = new ArrayList<>();
        answer.json().forEach(entry -> {
            if (entry.get("path").asText().startsWith("deleted-rest/")) {
                mine.add(entry);
            }
        });
        return mine;
    }

    @Test
    void aNotebookDeletedThroughTheContentsApiIsListedAndRestoredWithItsHistory() {
        String path = "deleted-rest/report.ipynb";
        assertThat(server.put("/api/contents/" + path, HistoryRoutesTest.model("print('kept')")).status())
                .isEqualTo(201);
        assertThat(server.delete("/api/contents/" + path).status()).isEqualTo(204);
        assertThat(server.get("/api/contents/" + path).status()).isEqualTo(404);

        List<JsonNode> deleted = listed(TestServer.TOKEN);
        assertThat(deleted).extracting(entry -> entry.get("path").asText()).containsExactly(path);
        assertThat(deleted.get(0).get("deletedBy").asText()).isEqualTo("ann");
        assertThat(deleted.get(0).get("version").asLong()).isEqualTo(1);

        Answer restored = server.post("/quire/api/deleted-notebooks/" + path + "/restore", null);
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(restored.json().get("path").asText()).isEqualTo(path);
        assertThat(TestServer.text(server.get("/api/contents/" + path).json().get("content").get("cells").get(0)
                .get("source"))).isEqualTo("print('kept')");
        JsonNode versions = server.get("/quire/api/notebooks/" + path + "/versions").json();
        assertThat(versions).extracting(version -> version.get("summary").asText())
                .containsExactly("imported " + path + " (1 cell)", "deleted " + path, "restored " + path);
        assertThat(listed(TestServer.TOKEN)).isEmpty();
    }

    @Test
    void restoringIsRefusedWithReasonsAndKeptInsideTheCallersWorkspaces() {
        String path = "deleted-rest/dora/plan.ipynb";
        assertThat(server.put("/api/contents/" + path, HistoryRoutesTest.model("1")).status()).isEqualTo(201);
        assertThat(server.sendAs(dora, "DELETE", "/api/contents/" + path, null).status()).isEqualTo(204);
        assertThat(server.put("/api/contents/" + path, HistoryRoutesTest.model("2")).status()).isEqualTo(201);
        assertThat(server.put("/api/contents/deleted-rest/elsewhere.ipynb", HistoryRoutesTest.model("3")).status())
                .isEqualTo(201);
        assertThat(server.delete("/api/contents/deleted-rest/elsewhere.ipynb").status()).isEqualTo(204);

        assertThat(listed(dora)).extracting(entry -> entry.get("path").asText()).containsExactly(path);

        String restore = "/quire/api/deleted-notebooks/" + path + "/restore";
        Answer taken = server.sendAs(dora, "POST", restore, null);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("message").asText()).contains("a notebook already exists at " + path);
        assertThat(server.sendAs(dora, "POST", restore, Map.of("as", "deleted-rest/outside.ipynb")).status())
                .isEqualTo(403);
        assertThat(server.sendAs(dora, "POST",
                "/quire/api/deleted-notebooks/deleted-rest/elsewhere.ipynb/restore", null).status()).isEqualTo(403);
        Answer unknownField = server.sendAs(dora, "POST", restore, Map.of("path", "x.ipynb"));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("message").asText()).contains("unknown field 'path'");
        assertThat(server.sendAs(dora, "POST", restore, Map.of("as", "../x.ipynb")).status()).isEqualTo(400);
        assertThat(server.sendAs(dora, "POST", "/quire/api/deleted-notebooks/deleted-rest/dora/none.ipynb/restore",
                null).status()).isEqualTo(404);

        Answer elsewhere = server.sendAs(dora, "POST", restore, Map.of("as", "deleted-rest/dora/plan-old.ipynb"));
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(200);
        assertThat(elsewhere.json().get("path").asText()).isEqualTo("deleted-rest/dora/plan-old.ipynb");
        assertThat(server.get("/quire/api/notebooks/deleted-rest/dora/plan-old.ipynb/versions").json().get(2)
                .get("user").asText()).isEqualTo("dora");
    }
}
