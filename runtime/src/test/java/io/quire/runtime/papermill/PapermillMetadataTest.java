package io.quire.runtime.papermill;

import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.NotebookContent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.quire.runtime.papermill.Notebooks.code;
import static io.quire.runtime.papermill.Notebooks.markdown;
import static io.quire.runtime.papermill.Notebooks.python;
import static org.assertj.core.api.Assertions.assertThat;

class PapermillMetadataTest {

    private final PapermillMetadata papermill = new PapermillMetadata("2.6.0");
    private final Instant start = Instant.parse("2024-05-01T10:00:00.123456789Z");

    @Test
    void loadingAddsPapermillMetadataOnlyWhereMissing() {
        NotebookContent loaded = papermill.loaded(python(code("a", "x"), markdown("m", "t")));
        assertThat(loaded.metadata().get("papermill").toString()).isEqualTo("{\"default_parameters\":{},"
                + "\"parameters\":{},\"environment_variables\":{},\"version\":\"2.6.0\"}");
        assertThat(loaded.cells()).allSatisfy(cell ->
                assertThat(cell.metadata().toString()).isEqualTo("{\"tags\":[],\"papermill\":{}}"));
        // A previous run's metadata stays (papermill keeps stale parameters when given none).
        NotebookContent again = papermill.loaded(new PapermillMetadata("9").prepared(loaded, "in.ipynb", "out"));
        assertThat(again.metadata().get("papermill").get("version").textValue()).isEqualTo("2.6.0");
        assertThat(again.metadata().get("papermill").get("input_path").textValue()).isEqualTo("in.ipynb");
    }

    @Test
    void aRunWritesPapermillsTimesStatusesAndDurations() {
        NotebookContent notebook = papermill.prepared(papermill.loaded(python(code("a", "1"), code("b", "2"),
                markdown("m", "t"))), "in.ipynb", "out.ipynb");
        Cell stale = new Cell("a", notebook.cells().get(0).type(), "1", notebook.cells().get(0).metadata(),
                List.of(new com.fasterxml.jackson.databind.node.ObjectNode(
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance)), 7, null);
        notebook = new NotebookContent(notebook.metadata(), List.of(stale, notebook.cells().get(1),
                notebook.cells().get(2)));

        NotebookContent started = papermill.started(notebook, start);
        assertThat(started.metadata().get("papermill").toString()).isEqualTo("{\"default_parameters\":{},"
                + "\"parameters\":{},\"environment_variables\":{},\"version\":\"2.6.0\",\"input_path\":\"in.ipynb\","
                + "\"output_path\":\"out.ipynb\",\"start_time\":\"2024-05-01T10:00:00.123456\",\"end_time\":null,"
                + "\"duration\":null,\"exception\":null}");
        assertThat(started.cells().get(0).metadata().get("papermill").toString()).isEqualTo("{\"exception\":null,"
                + "\"start_time\":null,\"end_time\":null,\"duration\":null,\"status\":\"pending\"}");
        assertThat(started.cells().get(0).outputs()).isEmpty();
        assertThat(started.cells().get(0).executionCount()).isNull();

        List<Cell> cells = new ArrayList<>(started.cells());
        Cell running = papermill.cellStarted(cells.get(0), Instant.parse("2024-05-01T10:00:01Z"));
        assertThat(running.metadata().get("papermill").toString()).isEqualTo("{\"exception\":false,"
                + "\"start_time\":\"2024-05-01T10:00:01\",\"end_time\":null,\"duration\":null,\"status\":\"running\"}");
        cells.set(0, papermill.cellCompleted(running, Instant.parse("2024-05-01T10:00:02.5Z")));
        assertThat(cells.get(0).metadata().get("papermill").toString()).isEqualTo("{\"exception\":false,"
                + "\"start_time\":\"2024-05-01T10:00:01\",\"end_time\":\"2024-05-01T10:00:02.500000\","
                + "\"duration\":1.5,\"status\":\"completed\"}");
        Cell failing = papermill.cellFailed(papermill.cellStarted(cells.get(1), Instant.parse(
                "2024-05-01T10:00:03Z")));
        cells.set(1, papermill.cellCompleted(failing, Instant.parse("2024-05-01T10:00:03.000001Z")));
        assertThat(cells.get(1).metadata().get("papermill").toString()).isEqualTo("{\"exception\":true,"
                + "\"start_time\":\"2024-05-01T10:00:03\",\"end_time\":\"2024-05-01T10:00:03.000001\","
                + "\"duration\":1.0E-6,\"status\":\"failed\"}");

        NotebookContent failed = papermill.notebookFailed(new NotebookContent(started.metadata(), cells));
        NotebookContent done = papermill.completed(failed, start, Instant.parse("2024-05-01T10:00:04.623456Z"));
        assertThat(done.metadata().get("papermill").get("end_time").textValue())
                .isEqualTo("2024-05-01T10:00:04.623456");
        assertThat(done.metadata().get("papermill").get("duration").doubleValue()).isEqualTo(4.5);
        assertThat(done.metadata().get("papermill").get("exception").booleanValue()).isTrue();
        // Cells after the failed one stay pending.
        assertThat(done.cells().get(2).metadata().get("papermill").get("status").textValue()).isEqualTo("pending");
    }

    @Test
    void completingMarksCellsTheEngineNeverReportedAsCompleted() {
        NotebookContent started = papermill.started(papermill.loaded(python(code("a", "1"), code("b", "2"))), start);
        NotebookContent done = papermill.completed(started, start, start.plusSeconds(1));
        assertThat(done.cells()).allSatisfy(cell ->
                assertThat(cell.metadata().get("papermill").get("status").textValue()).isEqualTo("completed"));
        assertThat(done.metadata().get("papermill").get("duration").doubleValue()).isEqualTo(1.0);
        assertThat(done.metadata().get("papermill").get("exception").isNull()).isTrue();
    }

    @Test
    void aHandEditedStartTimeGivesNoDuration() {
        Cell cell = papermill.cellStarted(code("a", "1"), start);
        ((com.fasterxml.jackson.databind.node.ObjectNode) cell.metadata().get("papermill")).put("start_time", "soon");
        assertThat(papermill.cellCompleted(cell, start).metadata().get("papermill").has("duration")).isFalse();
    }

    @Test
    void leavesItsArgumentsUntouched() {
        NotebookContent notebook = python(code("a", "1"));
        String before = notebook.toString();
        papermill.completed(papermill.started(papermill.loaded(notebook), start), start, start);
        papermill.cellFailed(notebook.cells().get(0));
        assertThat(notebook.toString()).isEqualTo(before);
    }
}
