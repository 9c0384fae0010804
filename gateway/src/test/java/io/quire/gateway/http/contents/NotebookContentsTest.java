package io.quire.gateway.http.contents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.gateway.http.contents.TestServer.Answer;
import io.quire.domain.notebook.ExecutionOutcome;
import io.quire.domain.notebook.command.NameVersion;
import io.quire.domain.notebook.command.RecordExecutionEnd;
import io.quire.domain.notebook.command.RecordOutput;
import io.quire.domain.notebook.command.RequestExecution;
import io.quire.gateway.notebook.Notebooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.quire.gateway.http.contents.Ipynb.code;
import static io.quire.gateway.http.contents.Ipynb.markdown;
import static io.quire.gateway.http.contents.Ipynb.model;
import static io.quire.gateway.http.contents.Ipynb.notebook;
import static org.assertj.core.api.Assertions.assertThat;

/** Notebooks through Jupyter's contents API: a save becomes cell-level commands, never a blob overwrite. */
class NotebookContentsTest {

    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?Z";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.shared();
    }

    private static ObjectNode fourCells() {
        return notebook(code("a", "x = 1"), markdown("b", "# Title"), code("c", "print(x)"), code("d", "y = 2"));
    }

    private static String create(String path, ObjectNode notebook) {
        Answer answer = server.put("/api/contents/" + path, model(notebook));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return path;
    }

    @Test
    void puttingANewNotebookImportsItAndAnswersItsModelWithoutContent() {
        Answer answer = server.put("/api/contents/nb/new.ipynb", model(fourCells()));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.header("Location")).isEqualTo("/api/contents/nb/new.ipynb");
        assertThat(answer.header("Last-Modified")).endsWith("GMT");
        JsonNode saved = answer.json();
        assertThat(saved.get("name").asText()).isEqualTo("new.ipynb");
        assertThat(saved.get("path").asText()).isEqualTo("nb/new.ipynb");
        assertThat(saved.get("type").asText()).isEqualTo("notebook");
        assertThat(saved.get("writable").asBoolean()).isTrue();
        assertThat(saved.get("created").asText()).matches(TIME);
        assertThat(saved.get("last_modified").asText()).matches(TIME);
        assertThat(saved.get("size").asLong()).isPositive();
        assertThat(saved.get("content").isNull()).isTrue();
        assertThat(saved.get("format").isNull()).isTrue();
        assertThat(saved.get("mimetype").isNull()).isTrue();
        assertThat(saved.get("hash").isNull()).isTrue();
        assertThat(server.eventsSince("nb/new.ipynb", 0)).containsExactly("NotebookImported");
    }

    @Test
    void runningCellsChangesNeitherTheDateNorTheHashButEditingDoes() throws Exception {
        create("nb/ran.ipynb", fourCells());
        String before = server.get("/api/contents/nb/ran.ipynb?content=0&hash=1").body();
        Thread.sleep(20);
        var quire = server.quire;
        String notebookId = new Notebooks(quire).idOf("nb/ran.ipynb");
        quire.commands().sendAndWait(new RequestExecution(notebookId, "e1", "a", null, "ann"));
        quire.commands().sendAndWait(new RecordOutput(notebookId, "e1", TestServer.JSON.createObjectNode()
                .put("output_type", "stream").put("name", "stdout").put("text", "1\n"), null));
        quire.commands().sendAndWait(new RecordExecutionEnd(notebookId, "e1", ExecutionOutcome.OK, 1, null));
        quire.commands().sendAndWait(new NameVersion(notebookId, "ran", "ann"));
        quire.awaitProjections(java.time.Duration.ofSeconds(30));
        JsonNode afterRun = server.get("/api/contents/nb/ran.ipynb?content=0&hash=1").json();
        JsonNode original = TestServer.JSON.readTree(before);
        assertThat(afterRun.get("last_modified")).isEqualTo(original.get("last_modified"));
        assertThat(afterRun.get("hash")).isEqualTo(original.get("hash"));
        assertThat(afterRun.get("size").asLong()).isGreaterThan(original.get("size").asLong());

        Thread.sleep(20);
        Answer saved = server.put("/api/contents/nb/ran.ipynb", model(notebook(code("a", "x = 10"),
                markdown("b", "# Title"), code("c", "print(x)"), code("d", "y = 2"))));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode afterEdit = server.get("/api/contents/nb/ran.ipynb?content=0&hash=1").json();
        assertThat(afterEdit.get("last_modified")).isNotEqualTo(original.get("last_modified"));
        assertThat(afterEdit.get("hash")).isNotEqualTo(original.get("hash"));
    }

    @Test
    void getAnswersTheLiveNotebookAsNbformatJsonWithItsHashWhenAsked() throws Exception {
        create("nb/get.ipynb", fourCells());

        JsonNode model = server.get("/api/contents/nb/get.ipynb").json();
        assertThat(model.get("format").asText()).isEqualTo("json");
        assertThat(model.get("content").get("nbformat_minor").asInt()).isEqualTo(5);
        assertThat(model.get("content").get("cells")).extracting(cell -> cell.get("id").asText())
                .containsExactly("a", "b", "c", "d");
        assertThat(model.get("hash").isNull()).isTrue();

        JsonNode hashed = server.get("/api/contents/nb/get.ipynb?content=0&hash=1").json();
        byte[] ipynb = new Notebooks(server.quire).export("nb/get.ipynb");
        assertThat(hashed.get("content").isNull()).isTrue();
        assertThat(hashed.get("hash_algorithm").asText()).isEqualTo("sha256");
        assertThat(hashed.get("hash").asText()).matches("[0-9a-f]{64}");
        assertThat(hashed.get("size").asLong()).isEqualTo(ipynb.length);

        JsonNode asFile = server.get("/api/contents/nb/get.ipynb?type=file").json();
        assertThat(asFile.get("type").asText()).isEqualTo("file");
        assertThat(asFile.get("format").asText()).isEqualTo("text");
        assertThat(asFile.get("content").asText()).isEqualTo(new String(ipynb, StandardCharsets.UTF_8));
    }

    @Test
    void editingOneCellsSourceRecordsExactlyOneSourceEdit() {
        create("nb/edit.ipynb", fourCells());
        long before = server.version("nb/edit.ipynb");

        ObjectNode edited = fourCells();
        ((ObjectNode) edited.get("cells").get(2)).put("source", "print(x + 1)");
        Answer answer = server.put("/api/contents/nb/edit.ipynb", model(edited));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("content").isNull()).isTrue();
        assertThat(server.eventsSince("nb/edit.ipynb", before + 1)).containsExactly("CellSourceEdited");
        assertThat(sources("nb/edit.ipynb")).containsExactly("x = 1", "# Title", "print(x + 1)", "y = 2");
    }

    @Test
    void savingAnIdenticalNotebookRecordsNothing() {
        create("nb/same.ipynb", fourCells());
        long before = server.version("nb/same.ipynb");

        assertThat(server.put("/api/contents/nb/same.ipynb", model(fourCells())).status()).isEqualTo(200);
        JsonNode asServed = server.get("/api/contents/nb/same.ipynb").json().get("content");
        assertThat(server.put("/api/contents/nb/same.ipynb", model(asServed)).status()).isEqualTo(200);

        assertThat(server.version("nb/same.ipynb")).isEqualTo(before);
    }

    @Test
    void reorderingMovesOnlyTheCellsOutOfTheLongestRunInOrder() {
        create("nb/order.ipynb", fourCells());
        long before = server.version("nb/order.ipynb");

        ObjectNode rotated = notebook(markdown("b", "# Title"), code("c", "print(x)"), code("d", "y = 2"),
                code("a", "x = 1"));
        server.put("/api/contents/nb/order.ipynb", model(rotated));
        assertThat(server.eventsSince("nb/order.ipynb", before + 1)).containsExactly("CellMoved");

        long middle = server.version("nb/order.ipynb");
        ObjectNode swapped = notebook(code("d", "y = 2"), code("a", "x = 1"), markdown("b", "# Title"),
                code("c", "print(x)"));
        server.put("/api/contents/nb/order.ipynb", model(swapped));
        assertThat(server.eventsSince("nb/order.ipynb", middle + 1)).containsExactly("CellMoved", "CellMoved");
        assertThat(ids("nb/order.ipynb")).containsExactly("d", "a", "b", "c");
    }

    @Test
    void missingCellsAreDeletedAndNewOnesInsertedWithTheirIds() {
        create("nb/structure.ipynb", fourCells());
        long before = server.version("nb/structure.ipynb");

        ObjectNode changed = notebook(code("a", "x = 1"), code("e", "z = 3"), code("c", "print(x)"),
                code("d", "y = 2"));
        server.put("/api/contents/nb/structure.ipynb", model(changed));

        assertThat(server.eventsSince("nb/structure.ipynb", before + 1)).containsExactly("CellDeleted", "CellInserted");
        assertThat(ids("nb/structure.ipynb")).containsExactly("a", "e", "c", "d");
    }

    @Test
    void typeMetadataAndOutputsChangesAreEachOneCommand() {
        create("nb/details.ipynb", fourCells());
        long before = server.version("nb/details.ipynb");

        ObjectNode changed = fourCells();
        ((ObjectNode) changed.get("cells").get(0).get("metadata")).putArray("tags").add("parameters");
        ((ObjectNode) changed.get("cells").get(1)).put("cell_type", "raw");
        ObjectNode output = ((ObjectNode) changed.get("cells").get(2)).putArray("outputs").addObject();
        output.put("output_type", "stream").put("name", "stdout").put("text", "1\n");
        ((ObjectNode) changed.get("cells").get(2)).put("execution_count", 1);
        ((ObjectNode) changed.get("metadata")).put("title", "Details");
        server.put("/api/contents/nb/details.ipynb", model(changed));

        assertThat(server.eventsSince("nb/details.ipynb", before + 1)).containsExactly("NotebookMetadataSet",
                "CellMetadataSet", "CellTypeChanged", "CellOutputsSet");
        JsonNode content = server.get("/api/contents/nb/details.ipynb").json().get("content");
        assertThat(content.get("cells").get(1).get("cell_type").asText()).isEqualTo("raw");
        assertThat(Ipynb.text(content.get("cells").get(2).get("outputs").get(0).get("text"))).isEqualTo("1\n");
        long after = server.version("nb/details.ipynb");
        server.put("/api/contents/nb/details.ipynb", model(changed));
        assertThat(server.version("nb/details.ipynb")).isEqualTo(after);
    }

    @Test
    void cellsWithoutIdsAreMatchedByTypeAndSource() {
        create("nb/old.ipynb", fourCells());
        long before = server.version("nb/old.ipynb");

        server.put("/api/contents/nb/old.ipynb", model(Ipynb.withoutIds(fourCells())));
        assertThat(server.version("nb/old.ipynb")).isEqualTo(before);

        ObjectNode added = Ipynb.withoutIds(notebook(code("a", "x = 1"), markdown("b", "# Title"),
                code("c", "print(x)"), code("d", "y = 2"), markdown("e", "the end")));
        server.put("/api/contents/nb/old.ipynb", model(added));
        assertThat(server.eventsSince("nb/old.ipynb", before + 1)).containsExactly("CellInserted");
        assertThat(ids("nb/old.ipynb")).startsWith("a", "b", "c", "d").hasSize(5);
    }

    @Test
    void aCellBroughtBackWithTheIdOfADeletedCellKeepsItUnderAnAlias() {
        create("nb/undo.ipynb", fourCells());
        server.put("/api/contents/nb/undo.ipynb", model(notebook(code("a", "x = 1"), markdown("b", "# Title"),
                code("d", "y = 2"))));

        Answer undone = server.put("/api/contents/nb/undo.ipynb", model(fourCells()));
        assertThat(undone.status()).as(undone.body()).isEqualTo(200);
        assertThat(ids("nb/undo.ipynb")).containsExactly("a", "b", "c-r1", "d");
        assertThat(sources("nb/undo.ipynb")).containsExactly("x = 1", "# Title", "print(x)", "y = 2");

        long before = server.version("nb/undo.ipynb");
        server.put("/api/contents/nb/undo.ipynb", model(fourCells()));
        assertThat(server.version("nb/undo.ipynb")).isEqualTo(before);
    }

    @Test
    void aNotebookUploadedAsAFileIsReadAsANotebook() {
        String text = notebook(code("u", "1 + 1")).toString();
        Answer answer = server.put("/api/contents/nb/uploaded.ipynb", Ipynb.file(text, "text"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().get("type").asText()).isEqualTo("notebook");
        assertThat(ids("nb/uploaded.ipynb")).containsExactly("u");
    }

    @Test
    void anInvalidNotebookIsRefusedWithWhatIsWrong() {
        ObjectNode broken = fourCells();
        ((ObjectNode) broken.get("cells").get(0)).put("cell_type", "poem");
        Answer answer = server.put("/api/contents/nb/broken.ipynb", model(broken));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText()).contains("cells[0]");
        assertThat(server.get("/api/contents/nb/broken.ipynb").status()).isEqualTo(404);
    }

    private static List<String> ids(String path) {
        return cells(path, "id");
    }

    private static List<String> sources(String path) {
        return cells(path, "source");
    }

    private static List<String> cells(String path, String field) {
        List<String> values = new ArrayList<>();
        JsonNode cells = server.get("/api/contents/" + path).json().get("content").get("cells");
        for (JsonNode cell : cells) {
            values.add(Ipynb.text(cell.get(field)));
        }
        return values;
    }
}
