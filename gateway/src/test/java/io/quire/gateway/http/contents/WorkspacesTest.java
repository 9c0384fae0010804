package io.quire.gateway.http.contents;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.gateway.http.contents.TestServer.Answer;
import io.quire.gateway.notebook.Notebooks;
import io.quire.gateway.users.Workspaces;
import io.quire.projections.versions.Version;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two users limited to different workspaces, over real HTTP: each works in their own, is refused the other's (and
 * everything else) with a 403 naming their workspaces, sees only their workspaces from the root, and every event
 * records who caused it.
 */
class WorkspacesTest {

    private static TestServer server;
    private static String wanda;
    private static String ben;

    @BeforeAll
    static void start() {
        server = TestServer.shared();
        wanda = server.quire.users().add("wanda", Workspaces.of(List.of("ws-wanda", "ws-shared/wanda")));
        ben = server.quire.users().add("ben", Workspaces.of(List.of("/ws-ben/")));
        // made by the owner, who may use everything
        assertThat(server.put("/api/contents/ws-wanda/plan.ipynb", Ipynb.model(Ipynb.notebook(
                Ipynb.code("c1", "1 + 1")))).status()).isEqualTo(201);
        assertThat(server.put("/api/contents/ws-ben/notes.txt", Ipynb.file("ben's", "text")).status()).isEqualTo(201);
        assertThat(server.put("/api/contents/ws-shared/ben-only.txt", Ipynb.file("not wanda's", "text")).status())
                .isEqualTo(201);
        assertThat(server.put("/api/contents/ws-shared/wanda/draft.txt", Ipynb.file("wanda's", "text")).status())
                .isEqualTo(201);
    }

    @Test
    void eachUserReadsAndWritesOnlyInTheirWorkspaces() {
        assertThat(server.sendAs(wanda, "GET", "/api/contents/ws-wanda/plan.ipynb", null).status()).isEqualTo(200);
        assertThat(server.sendAs(ben, "GET", "/api/contents/ws-ben/notes.txt", null).status()).isEqualTo(200);
        assertThat(server.sendAs(wanda, "PUT", "/api/contents/ws-wanda/new.txt", Ipynb.file("mine", "text")).status())
                .isEqualTo(201);
        assertThat(server.sendAs(wanda, "POST", "/api/contents/ws-shared/wanda", Map.of("type", "notebook"))
                .status()).isEqualTo(201);
        assertThat(server.sendAs(wanda, "POST", "/api/contents/ws-wanda/plan.ipynb/checkpoints", null).status())
                .isEqualTo(201);

        List<Answer> refused = new ArrayList<>();
        refused.add(server.sendAs(wanda, "GET", "/api/contents/ws-ben/notes.txt", null));
        refused.add(server.sendAs(wanda, "GET", "/api/contents/ws-shared/ben-only.txt", null));
        refused.add(server.sendAs(wanda, "PUT", "/api/contents/ws-ben/notes.txt", Ipynb.file("overwritten", "text")));
        refused.add(server.sendAs(wanda, "DELETE", "/api/contents/ws-ben/notes.txt", null));
        refused.add(server.sendAs(wanda, "PUT", "/api/contents/top.txt", Ipynb.file("at the root", "text")));
        refused.add(server.sendAs(wanda, "POST", "/api/contents", Map.of("type", "file")));
        refused.add(server.sendAs(wanda, "GET", "/api/contents/ws-ben/notes.txt/checkpoints", null));
        refused.add(server.sendAs(ben, "GET", "/api/contents/ws-wanda/plan.ipynb", null));
        refused.add(server.sendAs(ben, "POST", "/api/contents/ws-wanda/plan.ipynb/checkpoints", null));
        refused.add(server.sendAs(ben, "GET", "/quire/api/notebooks/ws-wanda/plan.ipynb/versions", null));
        refused.add(server.sendAs(ben, "GET", "/quire/api/notebooks/ws-wanda/plan.ipynb", null));
        refused.add(server.sendAs(ben, "PATCH", "/api/contents/ws-ben/notes.txt",
                Map.of("path", "ws-wanda/notes.txt")));
        refused.add(server.sendAs(ben, "PATCH", "/api/contents/ws-wanda/plan.ipynb",
                Map.of("path", "ws-ben/plan.ipynb")));
        refused.add(server.sendAs(ben, "POST", "/api/contents/ws-ben", Map.of("copy_from", "ws-wanda/plan.ipynb")));
        refused.add(server.sendAs(wanda, "POST", "/api/contents/ws-ben", Map.of("copy_from", "ws-wanda/plan.ipynb")));
        for (Answer answer : refused) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(403);
            assertThat(answer.json().get("message").asText()).contains("outside the workspaces of")
                    .containsAnyOf("ws-shared/wanda, ws-wanda", "ws-ben").contains("quire user workspaces");
        }
        assertThat(server.get("/api/contents/ws-ben/notes.txt").json().get("content").asText()).isEqualTo("ben's");
        assertThat(server.get("/api/contents/ws-wanda/plan.ipynb").status()).isEqualTo(200);
        assertThat(server.get("/api/contents/ws-wanda/notes.txt").status()).isEqualTo(404);
    }

    @Test
    void theRootListsOnlyTheWayToTheirWorkspaces() {
        assertThat(paths(server.sendAs(wanda, "GET", "/api/contents", null).json()))
                .containsExactlyInAnyOrder("ws-shared", "ws-wanda");
        assertThat(paths(server.sendAs(wanda, "GET", "/api/contents/ws-shared", null).json()))
                .containsExactly("ws-shared/wanda");
        assertThat(paths(server.sendAs(ben, "GET", "/api/contents/", null).json())).containsExactly("ws-ben");
        assertThat(paths(server.get("/api/contents").json())).contains("ws-ben", "ws-shared", "ws-wanda");
    }

    @Test
    void copiesAndRenamesWithinAWorkspaceWorkAndAreRecordedAsTheirs() {
        Answer copied = server.sendAs(wanda, "POST", "/api/contents/ws-shared/wanda",
                Map.of("copy_from", "ws-wanda/plan.ipynb"));
        assertThat(copied.status()).as(copied.body()).isEqualTo(201);
        String copy = copied.json().get("path").asText();
        Answer renamed = server.sendAs(wanda, "PATCH", "/api/contents/" + copy,
                Map.of("path", "ws-wanda/renamed-by-wanda.ipynb"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        Notebooks notebooks = new Notebooks(server.quire);
        List<Version> history = notebooks.history("ws-wanda/renamed-by-wanda.ipynb");
        assertThat(history).extracting(Version::user).containsOnly("wanda");
        assertThat(history.get(history.size() - 1).summary()).contains("renamed-by-wanda");

        Answer saved = server.sendAs(ben, "PUT", "/api/contents/ws-ben/ben.ipynb", Ipynb.model(Ipynb.notebook(
                Ipynb.code("b1", "print('ben')"))));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(notebooks.history("ws-ben/ben.ipynb")).extracting(Version::user).containsOnly("ben");
        assertThat(notebooks.history("ws-wanda/plan.ipynb")).extracting(Version::user).containsOnly("ann");
    }

    @Test
    void traversalOutOfAWorkspaceIsRefusedHowEverItIsWritten() {
        for (String path : List.of("/api/contents/ws-wanda/../ws-ben/notes.txt",
                "/api/contents/ws-wanda/%2e%2e/ws-ben/notes.txt", "/api/contents/ws-wanda%2F..%2Fws-ben%2Fnotes.txt",
                "/api/contents/ws-wanda/..%5Cws-ben%5Cnotes.txt", "/api/contents/ws-wanda/%00/x.txt",
                "/api/contents//ws-ben/notes.txt", "/api/contents/ws-wandaX/x.txt")) {
            Answer answer = server.sendAs(wanda, "GET", path, null);
            assertThat(answer.status()).as(path + ": " + answer.body()).isIn(400, 403, 404);
            assertThat(answer.body()).as(path).doesNotContain("ben's");
        }
        List<Answer> bodies = List.of(
                server.sendAs(wanda, "POST", "/api/contents/ws-wanda", Map.of("copy_from", "ws-wanda/../ws-ben/notes.txt")),
                server.sendAs(wanda, "POST", "/api/contents/ws-wanda", Map.of("copy_from", "ws-wanda/%2e%2e/ws-ben/notes.txt")),
                server.sendAs(wanda, "POST", "/api/contents/ws-wanda", Map.of("copy_from", "/ws-ben/notes.txt")),
                server.sendAs(wanda, "PATCH", "/api/contents/ws-wanda/plan.ipynb",
                        Map.of("path", "ws-wanda%2F..%2F..%2Fplan.ipynb")),
                server.sendAs(wanda, "PATCH", "/api/contents/ws-wanda/plan.ipynb", Map.of("path", "ws-wanda\\..\\x.ipynb")),
                server.sendAs(wanda, "POST", "/api/sessions", Map.of("path", "ws-wanda/../ws-ben/s.ipynb",
                        "type", "notebook", "kernel", Map.of("name", "python3"))),
                server.sendAs(wanda, "POST", "/api/sessions", Map.of("path", "ws-wanda/%2e%2e/x.ipynb",
                        "type", "notebook", "kernel", Map.of("name", "python3"))),
                server.sendAs(wanda, "POST", "/api/kernels", Map.of("name", "python3", "path", "../x")));
        for (Answer answer : bodies) {
            assertThat(answer.status()).as(answer.body()).isIn(400, 403);
            assertThat(answer.json().get("message").asText()).isNotBlank();
        }
        assertThat(server.get("/api/contents/ws-wanda/plan.ipynb").status()).isEqualTo(200);
    }

    @Test
    void sessionsAndKernelsOutsideTheWorkspacesAreRefusedBeforeAnyKernelStarts() {
        Answer session = server.sendAs(ben, "POST", "/api/sessions", Map.of("path", "ws-wanda/plan.ipynb",
                "type", "notebook", "kernel", Map.of("name", "python3")));
        assertThat(session.status()).as(session.body()).isEqualTo(403);
        assertThat(session.json().get("message").asText()).contains("ws-ben");
        Answer kernel = server.sendAs(ben, "POST", "/api/kernels", Map.of("name", "python3", "path", "ws-wanda"));
        assertThat(kernel.status()).as(kernel.body()).isEqualTo(403);
    }

    private static List<String> paths(JsonNode directory) {
        List<String> paths = new ArrayList<>();
        directory.get("content").forEach(entry -> paths.add(entry.get("path").asText()));
        return paths;
    }
}
