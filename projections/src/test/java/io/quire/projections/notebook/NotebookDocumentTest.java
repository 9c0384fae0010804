package io.quire.projections.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.ExecutionOutcome;
import io.quire.domain.notebook.Kernelspec;
import io.quire.domain.notebook.event.*;
import io.quire.domain.notebook.text.TextOperation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NotebookDocumentTest {

    static final ObjectMapper JSON = new ObjectMapper();
    NotebookDocument document;
    long sequence;

    @BeforeEach
    void setUp() {
        document = new NotebookDocument("n");
        apply(new NotebookCreated("n", "a.ipynb", new Kernelspec("python3", "Python 3", "python"), "ann"));
        apply(new CellInserted("n", "c1", null, CellType.CODE, "print(1)", "ann"));
    }

    void apply(NotebookEvent event) {
        document.apply(event, sequence++);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    Cell cell(String id) {
        return document.content().cells().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    void output(String json, String displayId) {
        apply(new OutputProduced("n", "e1", "c1", json(json), displayId, "ann"));
    }

    @Test
    void typingIsTakenAsASourceEditUnlessTheCellChangedOtherwiseToo() {
        apply(new CellInserted("n", "c2", "c1", CellType.CODE, "x = 1", "ann"));
        document.takeChanges();

        apply(new CellSourceEdited("n", "c1", 1, TextOperation.fromJson(List.of(6, -1, "2", 1)), "ann"));
        apply(new CellSourceEdited("n", "c2", 1, TextOperation.fromJson(List.of(5, "0")), "ann"));
        apply(new CellOutputsSet("n", "c2", List.of(json("{'output_type': 'stream', 'name': 'stdout', 'text': 'a'}")),
                1, "ann"));
        NotebookDocument.Changes changes = document.takeChanges();
        assertThat(changes.sourceEdited()).containsExactly("c1");
        assertThat(changes.cells()).containsExactly("c2");

        apply(new CellOutputsSet("n", "c1", List.of(), 2, "ann"));
        apply(new CellSourceEdited("n", "c1", 2, TextOperation.fromJson(List.of(8, "!")), "ann"));
        changes = document.takeChanges();
        assertThat(changes.sourceEdited()).isEmpty();
        assertThat(changes.cells()).containsExactly("c1");

        apply(new CellSourceEdited("n", "c2", 2, TextOperation.fromJson(List.of(6, "1")), "ann"));
        apply(new CellDeleted("n", "c2", "ann"));
        changes = document.takeChanges();
        assertThat(changes.sourceEdited()).isEmpty();
        assertThat(changes.removed()).containsExactly("c2");
    }

    @Test
    void structureEditsFollowTheirAnchors() {
        apply(new CellInserted("n", "c2", "c1", CellType.MARKDOWN, "# t", "ann"));
        apply(new CellInserted("n", "c0", null, CellType.RAW, "", "ann"));
        apply(new CellMoved("n", "c0", "c2", "ann"));
        assertThat(document.content().cells()).extracting(Cell::id).containsExactly("c1", "c2", "c0");
        apply(new CellSourceEdited("n", "c1", 1, TextOperation.fromJson(List.of(6, -1, "2", 1)), "ann"));
        assertThat(cell("c1").source()).isEqualTo("print(2)");
        assertThat(document.revisions()).containsEntry("c1", 1L);
        apply(new CellDeleted("n", "c2", "ann"));
        assertThat(document.content().cells()).extracting(Cell::id).containsExactly("c1", "c0");
    }

    @Test
    void anExecutionReplacesOutputsAndMergesStreamsAsJupyterDoes() {
        output("{'output_type': 'stream', 'name': 'stdout', 'text': 'old'}", null);
        apply(new ExecutionStarted("n", "e1", "c1", 7, "ann"));
        output("{'output_type': 'stream', 'name': 'stdout', 'text': 'a\\n'}", null);
        output("{'output_type': 'stream', 'name': 'stdout', 'text': 'progress 10%\\rprogress 100%\\n'}", null);
        output("{'output_type': 'stream', 'name': 'stderr', 'text': 'warn\\n'}", null);
        apply(new ExecutionEnded("n", "e1", "c1", ExecutionOutcome.OK, 7, null, "ann"));
        Cell cell = cell("c1");
        assertThat(cell.executionCount()).isEqualTo(7);
        assertThat(cell.outputs()).hasSize(2);
        assertThat(cell.outputs().get(0).get("text").asText()).isEqualTo("a\nprogress 100%\n");
        assertThat(cell.outputs().get(1).get("name").asText()).isEqualTo("stderr");
    }

    @Test
    void clearOutputWithWaitClearsWhenTheNextOutputArrives() {
        output("{'output_type': 'stream', 'name': 'stdout', 'text': '1'}", null);
        apply(new OutputCleared("n", "e1", "c1", true, "ann"));
        assertThat(cell("c1").outputs()).hasSize(1);
        output("{'output_type': 'stream', 'name': 'stdout', 'text': '2'}", null);
        assertThat(cell("c1").outputs()).hasSize(1);
        assertThat(cell("c1").outputs().get(0).get("text").asText()).isEqualTo("2");
        apply(new OutputCleared("n", "e1", "c1", false, "ann"));
        assertThat(cell("c1").outputs()).isEmpty();
    }

    @Test
    void aDisplayUpdateReplacesEveryOutputShownWithItsId() {
        output("{'output_type': 'display_data', 'data': {'text/plain': 'v1'}, 'metadata': {}}", "d1");
        output("{'output_type': 'display_data', 'data': {'text/plain': 'other'}, 'metadata': {}}", "d2");
        apply(new CellInserted("n", "c2", "c1", CellType.CODE, "", "ann"));
        apply(new OutputProduced("n", "e2", "c2", json("{'output_type': 'display_data', 'data': {'text/plain': 'v1'},"
                + " 'metadata': {}}"), "d1", "ann"));
        apply(new DisplayUpdated("n", "e3", "d1", json("{'data': {'text/plain': 'v2'}, 'metadata': {'x': 1}}"), "ann"));
        assertThat(cell("c1").outputs().get(0).at("/data/text~1plain").asText()).isEqualTo("v2");
        assertThat(cell("c1").outputs().get(1).at("/data/text~1plain").asText()).isEqualTo("other");
        assertThat(cell("c2").outputs().get(0).at("/data/text~1plain").asText()).isEqualTo("v2");
        assertThat(cell("c2").outputs().get(0).at("/metadata/x").asInt()).isEqualTo(1);
    }

    @Test
    void displayIdsSurviveARestoreFromTheTable() {
        output("{'output_type': 'display_data', 'data': {'text/plain': 'v1'}, 'metadata': {}}", "d1");
        NotebookDocument restored = NotebookDocument.restore("n", document.path(), false, document.version(),
                document.content(), document.revisions(), document.trails());
        restored.apply(new DisplayUpdated("n", "e3", "d1", json("{'data': {'text/plain': 'v2'}, 'metadata': {}}"),
                "ann"), sequence);
        assertThat(restored.content().cells().get(0).outputs().get(0).at("/data/text~1plain").asText()).isEqualTo("v2");
    }

    @Test
    void outputsOfADeletedCellChangeNothing() {
        apply(new CellDeleted("n", "c1", "ann"));
        output("{'output_type': 'stream', 'name': 'stdout', 'text': 'late'}", null);
        assertThat(document.content().cells()).isEmpty();
    }

    @Test
    void aCellThatStopsBeingCodeLosesItsOutputs() {
        output("{'output_type': 'stream', 'name': 'stdout', 'text': 'x'}", null);
        apply(new CellTypeChanged("n", "c1", CellType.MARKDOWN, "ann"));
        assertThat(cell("c1").outputs()).isEmpty();
        assertThat(cell("c1").executionCount()).isNull();
    }
}
