package io.quire.gateway.http.contents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.gateway.http.contents.TestServer.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.quire.gateway.http.contents.Ipynb.code;
import static io.quire.gateway.http.contents.Ipynb.markdown;
import static io.quire.gateway.http.contents.Ipynb.model;
import static io.quire.gateway.http.contents.Ipynb.notebook;
import static org.assertj.core.api.Assertions.assertThat;

/** Checkpoints: a notebook's are its named versions; a plain file has one copy. */
class CheckpointsTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.shared();
    }

    @Test
    void aNotebookCheckpointNamesAVersionAndRestoringItBringsTheNotebookBack() {
        ObjectNode original = notebook(code("a", "x = 1"), markdown("b", "# Notes"), code("c", "print(x)"));
        server.put("/api/contents/cp/nb.ipynb", model(original));
        assertThat(server.get("/api/contents/cp/nb.ipynb/checkpoints").json()).isEmpty();

        Answer created = server.post("/api/contents/cp/nb.ipynb/checkpoints", null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(id).isEqualTo("0");
        assertThat(created.json().get("last_modified").asText()).endsWith("Z");
        assertThat(created.header("Location")).isEqualTo("/api/contents/cp/nb.ipynb/checkpoints/" + id);
        JsonNode listed = server.get("/api/contents/cp/nb.ipynb/checkpoints").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asText()).isEqualTo(id);
        assertThat(server.eventsSince("cp/nb.ipynb", 1)).containsExactly("VersionNamed");

        ObjectNode changed = notebook(code("c", "print(x * 2)"), code("d", "y = 3"));
        server.put("/api/contents/cp/nb.ipynb", model(changed));
        assertThat(server.post("/api/contents/cp/nb.ipynb/checkpoints/" + id, null).status()).isEqualTo(204);

        JsonNode restored = server.get("/quire/api/notebooks/cp/nb.ipynb").json();
        JsonNode expected = server.get("/quire/api/notebooks/cp/nb.ipynb/versions/0").json();
        // a and b were deleted since: cell ids are never reused, so they come back under aliases (a-r1, b-r1)
        assertThat(restored.get("cells").toString().replaceAll("-r\\d+\"", "\""))
                .isEqualTo(expected.get("cells").toString());
        assertThat(restored.get("cells")).extracting(cell -> Ipynb.text(cell.get("source")))
                .containsExactly("x = 1", "# Notes", "print(x)");
    }

    @Test
    void aNotebookCheckpointIsKeptForeverAndUnknownOnesAreNotFound() {
        server.put("/api/contents/cp/kept.ipynb", model(notebook(code("k", "1"))));
        String id = server.post("/api/contents/cp/kept.ipynb/checkpoints", null).json().get("id").asText();

        Answer delete = server.delete("/api/contents/cp/kept.ipynb/checkpoints/" + id);
        assertThat(delete.status()).isEqualTo(405);
        assertThat(delete.header("Allow")).isEqualTo("POST");
        assertThat(delete.json().get("message").asText()).contains("never rewritten");
        assertThat(server.post("/api/contents/cp/kept.ipynb/checkpoints/99", null).status()).isEqualTo(404);
        assertThat(server.delete("/api/contents/cp/kept.ipynb/checkpoints/99").status()).isEqualTo(404);
        assertThat(server.put("/api/contents/cp/kept.ipynb/checkpoints", Ipynb.file("x", "text")).status())
                .isEqualTo(405);
    }

    @Test
    void aFileCheckpointIsOneCopyThatCanBeRestoredAndDeleted() {
        server.put("/api/contents/cp/file.txt", Ipynb.file("first", "text"));
        Answer created = server.post("/api/contents/cp/file.txt/checkpoints", null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("id").asText()).isEqualTo("checkpoint");

        server.put("/api/contents/cp/file.txt", Ipynb.file("second", "text"));
        assertThat(server.post("/api/contents/cp/file.txt/checkpoints/checkpoint", null).status()).isEqualTo(204);
        assertThat(server.get("/api/contents/cp/file.txt").json().get("content").asText()).isEqualTo("first");

        assertThat(server.delete("/api/contents/cp/file.txt/checkpoints/checkpoint").status()).isEqualTo(204);
        assertThat(server.get("/api/contents/cp/file.txt/checkpoints").json()).isEmpty();
        assertThat(server.post("/api/contents/cp/file.txt/checkpoints/checkpoint", null).status()).isEqualTo(404);
    }
}
