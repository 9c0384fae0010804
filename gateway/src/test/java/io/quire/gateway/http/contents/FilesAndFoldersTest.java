package io.quire.gateway.http.contents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.gateway.http.contents.TestServer.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.quire.gateway.http.contents.Ipynb.code;
import static io.quire.gateway.http.contents.Ipynb.model;
import static io.quire.gateway.http.contents.Ipynb.notebook;
import static org.assertj.core.api.Assertions.assertThat;

/** Plain files and folders beside notebooks: text and base64, listings, untitled, copy, rename, delete. */
class FilesAndFoldersTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.shared();
    }

    @Test
    void aTextFileIsStoredOnDiskAndReadBackAsTextOrBase64() throws Exception {
        Answer saved = server.put("/api/contents/files/notes.txt", Ipynb.file("héllo\nwörld\n", "text"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.json().get("type").asText()).isEqualTo("file");
        assertThat(saved.json().get("mimetype").asText()).isEqualTo("text/plain");
        assertThat(Files.readString(server.data.resolve("files/files/notes.txt"))).isEqualTo("héllo\nwörld\n");

        JsonNode text = server.get("/api/contents/files/notes.txt").json();
        assertThat(text.get("format").asText()).isEqualTo("text");
        assertThat(text.get("content").asText()).isEqualTo("héllo\nwörld\n");
        assertThat(text.get("size").asLong()).isEqualTo("héllo\nwörld\n".getBytes().length);

        JsonNode base64 = server.get("/api/contents/files/notes.txt?format=base64").json();
        assertThat(base64.get("format").asText()).isEqualTo("base64");
        assertThat(Base64.getMimeDecoder().decode(base64.get("content").asText())).isEqualTo("héllo\nwörld\n".getBytes());

        assertThat(server.put("/api/contents/files/notes.txt", Ipynb.file("v2", "text")).status()).isEqualTo(200);
        assertThat(server.get("/api/contents/files/notes.txt").json().get("content").asText()).isEqualTo("v2");
    }

    @Test
    void binaryFilesTravelAsBase64InLinesOf76() {
        byte[] bytes = new byte[200];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7 + 0x80);
        }
        Answer saved = server.put("/api/contents/files/blob.png",
                Ipynb.file(Base64.getEncoder().encodeToString(bytes), "base64"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);

        JsonNode read = server.get("/api/contents/files/blob.png").json();
        assertThat(read.get("format").asText()).isEqualTo("base64");
        assertThat(read.get("mimetype").asText()).isEqualTo("image/png");
        String content = read.get("content").asText();
        assertThat(content.split("\n")[0]).hasSize(76);
        assertThat(content).endsWith("\n");
        assertThat(Base64.getMimeDecoder().decode(content)).isEqualTo(bytes);

        Answer asText = server.get("/api/contents/files/blob.png?format=text");
        assertThat(asText.status()).isEqualTo(400);
        assertThat(asText.json().get("message").asText()).contains("not UTF-8");
    }

    @Test
    void aChunkedUploadIsAssembledInOrder() {
        put(chunk("part one, ", 1), "files/big.csv");
        put(chunk("part two, ", 2), "files/big.csv");
        put(chunk("the end", -1), "files/big.csv");

        assertThat(server.get("/api/contents/files/big.csv").json().get("content").asText())
                .isEqualTo("part one, part two, the end");
    }

    @Test
    void aNotebookUploadedInChunksBecomesANotebookAtTheLastChunk() {
        String ipynb = notebook(code("big", "print('uploaded')")).toString();
        int half = ipynb.length() / 2;
        put(chunk(ipynb.substring(0, half), 1), "files/big.ipynb");
        assertThat(server.get("/api/contents/files/big.ipynb").status()).isEqualTo(404);
        put(chunk(ipynb.substring(half), -1), "files/big.ipynb");

        JsonNode model = server.get("/api/contents/files/big.ipynb").json();
        assertThat(model.get("type").asText()).isEqualTo("notebook");
        assertThat(model.get("content").get("cells").get(0).get("source").asText()).isEqualTo("print('uploaded')");
        assertThat(server.eventsSince("files/big.ipynb", 0)).containsExactly("NotebookImported");
    }

    @Test
    void aFilesHashIsTheSha256OfItsBytes() throws Exception {
        server.put("/api/contents/files/hashed.txt", Ipynb.file("hash me", "text"));

        JsonNode model = server.get("/api/contents/files/hashed.txt?content=0&hash=1").json();

        assertThat(model.get("hash_algorithm").asText()).isEqualTo("sha256");
        assertThat(model.get("hash").asText()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest("hash me".getBytes())));
        assertThat(model.get("content").isNull()).isTrue();
    }

    @Test
    void aFolderListsItsNotebooksFilesAndFoldersImpliedOrExplicit() {
        server.put("/api/contents/tree/a.ipynb", model(notebook(code("x", "1"))));
        server.put("/api/contents/tree/deep/er/b.ipynb", model(notebook(code("y", "2"))));
        server.put("/api/contents/tree/c.txt", Ipynb.file("c", "text"));
        server.put("/api/contents/tree/empty", TestServer.JSON.createObjectNode().put("type", "directory"));
        server.put("/api/contents/tree/.hidden.txt", Ipynb.file("h", "text"));

        JsonNode listing = server.get("/api/contents/tree").json();
        assertThat(listing.get("type").asText()).isEqualTo("directory");
        assertThat(listing.get("format").asText()).isEqualTo("json");
        Map<String, String> types = new java.util.TreeMap<>();
        listing.get("content").forEach(entry -> types.put(entry.get("name").asText(), entry.get("type").asText()));
        assertThat(types).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("a.ipynb", "notebook",
                "c.txt", "file", "deep", "directory", "empty", "directory")));
        listing.get("content").forEach(entry -> assertThat(entry.get("content").isNull()).isTrue());

        JsonNode withoutContent = server.get("/api/contents/tree?content=0").json();
        assertThat(withoutContent.get("content").isNull()).isTrue();
        assertThat(server.get("/api/contents/tree/deep/er").json().get("content").get(0).get("path").asText())
                .isEqualTo("tree/deep/er/b.ipynb");
        assertThat(names(server.get("/api/contents/").json())).contains("tree");
        assertThat(server.get("/api/contents/tree?type=notebook").status()).isEqualTo(400);
        assertThat(server.get("/api/contents/tree/c.txt?type=directory").status()).isEqualTo(400);
    }

    @Test
    void untitledEntriesAreNumberedAsJupyterNumbersThem() {
        server.put("/api/contents/untitled", TestServer.JSON.createObjectNode().put("type", "directory"));
        List<String> paths = new ArrayList<>();
        for (ObjectNode body : List.of(type("notebook"), type("notebook"), type("file").put("ext", ".txt"),
                type("file").put("ext", ".txt"), type("directory"), type("directory"))) {
            Answer created = server.post("/api/contents/untitled", body);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            paths.add(created.json().get("path").asText());
        }
        assertThat(paths).containsExactly("untitled/Untitled.ipynb", "untitled/Untitled1.ipynb",
                "untitled/untitled.txt", "untitled/untitled1.txt", "untitled/Untitled Folder",
                "untitled/Untitled Folder 1");
        JsonNode notebook = server.get("/api/contents/untitled/Untitled.ipynb").json();
        assertThat(notebook.get("type").asText()).isEqualTo("notebook");
        assertThat(notebook.get("content").get("cells")).isEmpty();
        assertThat(server.get("/api/contents/untitled/Untitled%20Folder%201").json().get("type").asText())
                .isEqualTo("directory");
        assertThat(server.post("/api/contents/untitled/Untitled.ipynb", type("notebook")).status()).isEqualTo(400);
        assertThat(server.post("/api/contents/no/such/folder", type("notebook")).status()).isEqualTo(404);
    }

    @Test
    void copiesAreNamedAfterTheirOriginal() {
        server.put("/api/contents/copies/report.ipynb", model(notebook(code("r", "print(1)"))));
        server.put("/api/contents/copies/data.tar.gz", Ipynb.file("AAAA", "base64"));

        Answer first = server.post("/api/contents/copies", TestServer.JSON.createObjectNode()
                .put("copy_from", "copies/report.ipynb"));
        Answer second = server.post("/api/contents/copies", TestServer.JSON.createObjectNode()
                .put("copy_from", "copies/report-Copy1.ipynb"));
        Answer file = server.post("/api/contents/copies", TestServer.JSON.createObjectNode()
                .put("copy_from", "copies/data.tar.gz"));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("path").asText()).isEqualTo("copies/report-Copy1.ipynb");
        assertThat(second.json().get("path").asText()).isEqualTo("copies/report-Copy2.ipynb");
        assertThat(file.json().get("path").asText()).isEqualTo("copies/data-Copy1.tar.gz");
        assertThat(server.get("/api/contents/copies/report-Copy2.ipynb").json().get("content").get("cells").get(0)
                .get("id").asText()).isEqualTo("r");
        assertThat(server.eventsSince("copies/report-Copy1.ipynb", 0)).containsExactly("NotebookImported");
        assertThat(server.post("/api/contents/copies", TestServer.JSON.createObjectNode()
                .put("copy_from", "copies/nothing.ipynb")).status()).isEqualTo(404);
    }

    @Test
    void renamingMovesNotebooksFilesAndWholeFolders() {
        server.put("/api/contents/moves/one.ipynb", model(notebook(code("m", "1"))));
        server.put("/api/contents/moves/sub/two.ipynb", model(notebook(code("n", "2"))));
        server.put("/api/contents/moves/sub/three.txt", Ipynb.file("3", "text"));

        Answer notebook = server.patch("/api/contents/moves/one.ipynb", Map.of("path", "moves/uno.ipynb"));
        assertThat(notebook.status()).as(notebook.body()).isEqualTo(200);
        assertThat(notebook.json().get("path").asText()).isEqualTo("moves/uno.ipynb");
        assertThat(server.eventsSince("moves/uno.ipynb", 0)).containsExactly("NotebookImported", "NotebookRenamed");

        Answer folder = server.patch("/api/contents/moves/sub", Map.of("path", "moved/sub"));
        assertThat(folder.status()).as(folder.body()).isEqualTo(200);
        assertThat(server.get("/api/contents/moved/sub/two.ipynb").status()).isEqualTo(200);
        assertThat(server.get("/api/contents/moved/sub/three.txt").json().get("content").asText()).isEqualTo("3");
        assertThat(server.get("/api/contents/moves/sub").status()).isEqualTo(404);

        server.put("/api/contents/moves/taken.txt", Ipynb.file("t", "text"));
        assertThat(server.patch("/api/contents/moves/uno.ipynb", Map.of("path", "moves/taken.txt")).status())
                .isEqualTo(409);
        assertThat(server.patch("/api/contents/moves/nothing.txt", Map.of("path", "moves/x.txt")).status())
                .isEqualTo(404);
    }

    @Test
    void deletingANotebookKeepsItsHistoryAndFilesGoToTheTrash() {
        server.put("/api/contents/gone/nb.ipynb", model(notebook(code("g", "1"))));
        server.put("/api/contents/gone/f.txt", Ipynb.file("f", "text"));
        String notebookId = server.quire.projections().contents().notebookAt("gone/nb.ipynb").orElseThrow();

        assertThat(server.delete("/api/contents/gone/nb.ipynb").status()).isEqualTo(204);
        assertThat(server.delete("/api/contents/gone/f.txt").status()).isEqualTo(204);

        assertThat(server.get("/api/contents/gone/nb.ipynb").status()).isEqualTo(404);
        assertThat(server.get("/api/contents/gone/f.txt").status()).isEqualTo(404);
        assertThat(server.quire.projections().liveNotebooks().find(notebookId).orElseThrow().deleted()).isTrue();
        assertThat(server.delete("/api/contents/gone/f.txt").status()).isEqualTo(404);
        assertThat(server.delete("/api/contents/").status()).isEqualTo(400);

        server.put("/api/contents/gone/dir/x.ipynb", model(notebook(code("h", "1"))));
        server.put("/api/contents/gone/dir/y.txt", Ipynb.file("y", "text"));
        assertThat(server.delete("/api/contents/gone/dir").status()).isEqualTo(204);
        assertThat(server.get("/api/contents/gone/dir").status()).isEqualTo(404);
    }

    private static ObjectNode type(String type) {
        return TestServer.JSON.createObjectNode().put("type", type);
    }

    private static ObjectNode chunk(String text, int chunk) {
        return Ipynb.file(Base64.getEncoder().encodeToString(text.getBytes()), "base64").put("chunk", chunk);
    }

    private static void put(ObjectNode body, String path) {
        Answer answer = server.put("/api/contents/" + path, body);
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
    }

    private static List<String> names(JsonNode listing) {
        List<String> names = new ArrayList<>();
        listing.get("content").forEach(entry -> names.add(entry.get("name").asText()));
        return names;
    }
}
