package io.quire.runtime.papermill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.nbformat.NotebookWriter;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.NotebookContent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.quire.runtime.papermill.Notebooks.code;
import static io.quire.runtime.papermill.Notebooks.markdown;
import static io.quire.runtime.papermill.Notebooks.python;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErrorMarkersTest {

    static JsonNode error(String ename, String evalue) {
        ObjectNode output = JsonNodeFactory.instance.objectNode().put("output_type", "error").put("ename", ename)
                .put("evalue", evalue);
        output.putArray("traceback").add("Traceback").add(ename + ": " + evalue + "\n");
        return output;
    }

    static Cell ran(Cell cell, int count, JsonNode... outputs) {
        return new Cell(cell.id(), CellType.CODE, cell.source(), cell.metadata(), List.of(outputs), count, null);
    }

    @Test
    void theBannerAndAnchorAreExactlyPapermills() {
        assertThat(ErrorMarkers.banner(2)).isEqualTo("<span style=\"color:red; font-family:Helvetica Neue,"
                + " Helvetica, Arial, sans-serif; font-size:2em;\">An Exception was encountered at"
                + " '<a href=\"#papermill-error-cell\">In [2]</a>'.</span>");
        assertThat(ErrorMarkers.banner(null)).contains("In [None]");
        assertThat(ErrorMarkers.ANCHOR).isEqualTo("<span id=\"papermill-error-cell\" style=\"color:red;"
                + " font-family:Helvetica Neue, Helvetica, Arial, sans-serif; font-size:2em;\">Execution using"
                + " papermill encountered an exception here and stopped:</span>");
    }

    @Test
    void marksTheFirstFailingCell() {
        NotebookContent notebook = python(markdown("m", "intro"), ran(code("a", "1"), 1),
                ran(code("b", "1/0"), 2, error("ZeroDivisionError", "division by zero")), code("c", "later"));
        ExecutionFailure failure = ErrorMarkers.find(notebook).orElseThrow();
        assertThat(failure).isEqualTo(new ExecutionFailure(2, "b", 2, "ZeroDivisionError", "division by zero",
                List.of("Traceback", "ZeroDivisionError: division by zero\n")));

        NotebookContent marked = ErrorMarkers.marked(notebook, failure);
        assertThat(marked.cells()).extracting(Cell::id).containsExactly("papermill-error-cell-banner", "m", "a",
                "papermill-error-cell-anchor", "b", "c");
        assertThat(marked.cells().get(0).type()).isEqualTo(CellType.MARKDOWN);
        assertThat(marked.cells().get(0).source()).isEqualTo(ErrorMarkers.banner(2));
        assertThat(marked.cells().get(0).metadata().toString()).isEqualTo("{\"tags\":[\"papermill-error-cell-tag\"]}");
        assertThat(marked.cells().get(3).source()).isEqualTo(ErrorMarkers.ANCHOR);
        new NotebookWriter().write(marked);
    }

    @Test
    void aCleanSystemExitIsNotAFailure() {
        assertThat(ErrorMarkers.find(python(ran(code("a", "sys.exit()"), 1, error("SystemExit", "")),
                code("b", "x")))).isEmpty();
        assertThat(ErrorMarkers.find(python(ran(code("a", "sys.exit(0)"), 1, error("SystemExit", "0"))))).isEmpty();
        assertThat(ErrorMarkers.find(python(ran(code("a", "sys.exit(1)"), 1, error("SystemExit", "1")))))
                .hasValueSatisfying(failure -> assertThat(failure.ename()).isEqualTo("SystemExit"));
    }

    @Test
    void aCellMarkedAsRaisingWithoutErrorOutputIsAFailure() {
        Cell magic = ran(code("a", "%undefined-line-magic"), 1);
        ((ObjectNode) magic.metadata()).putObject("papermill").put("exception", true);
        assertThat(ErrorMarkers.find(python(magic, code("b", "x")))).hasValue(
                new ExecutionFailure(0, "a", 1, "CellExecutionError", "", List.of()));
        // A clean sys.exit also sets exception: true in papermill's metadata, and is still not a failure.
        Cell exit = ran(code("a", "sys.exit()"), 1, error("SystemExit", ""));
        ((ObjectNode) exit.metadata()).putObject("papermill").put("exception", true);
        assertThat(ErrorMarkers.find(python(exit))).isEmpty();
    }

    @Test
    void oldMarkersAreRemovedAndIdsStayFree() {
        NotebookContent first = python(ran(code("papermill-error-cell-banner", "x"), 1, error("E", "v")));
        NotebookContent marked = ErrorMarkers.marked(first, ErrorMarkers.find(first).orElseThrow());
        assertThat(marked.cells()).extracting(Cell::id).containsExactly("papermill-error-cell-banner-1",
                "papermill-error-cell-anchor", "papermill-error-cell-banner");
        NotebookContent again = ErrorMarkers.marked(marked, ErrorMarkers.find(marked).orElseThrow());
        assertThat(again.cells()).hasSize(3);
        assertThat(ErrorMarkers.removed(again).cells()).extracting(Cell::id)
                .containsExactly("papermill-error-cell-banner");
    }

    @Test
    void aFailureFromAnotherNotebookIsRefused() {
        assertThatThrownBy(() -> ErrorMarkers.marked(python(code("a", "x")),
                new ExecutionFailure(0, "zz", 1, "E", "", List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no cell has the failing cell's id 'zz'");
    }
}
