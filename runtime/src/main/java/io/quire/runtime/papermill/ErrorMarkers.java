package io.quire.runtime.papermill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.NotebookContent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The cells papermill adds to a failed run's notebook so a reader finds the failure: a red banner at the top
 * ("An Exception was encountered at 'In [N]'", linking to the anchor) and an anchor right before the failing cell,
 * both markdown cells tagged {@code papermill-error-cell-tag}, with papermill's exact HTML. Markers a previous run
 * left are removed first. Pure functions.
 */
public final class ErrorMarkers {

    private static final String STYLE =
            "style=\"color:red; font-family:Helvetica Neue, Helvetica, Arial, sans-serif; font-size:2em;\"";
    private static final String BANNER = "<span " + STYLE + ">An Exception was encountered at"
            + " '<a href=\"#papermill-error-cell\">In [%s]</a>'.</span>";
    /** papermill's anchor cell. */
    public static final String ANCHOR = "<span id=\"papermill-error-cell\" " + STYLE + ">Execution using papermill"
            + " encountered an exception here and stopped:</span>";

    private ErrorMarkers() {
    }

    /** The banner's HTML for a failing cell with {@code executionCount} ({@code In [None]} when null). */
    public static String banner(Integer executionCount) {
        return String.format(BANNER, executionCount == null ? "None" : executionCount.toString());
    }

    /** The notebook without the marker cells of a previous run. */
    public static NotebookContent removed(NotebookContent notebook) {
        List<Cell> cells = notebook.cells().stream().filter(cell -> !CellTags.has(cell, CellTags.ERROR_MARKER))
                .toList();
        return new NotebookContent(notebook.metadata().deepCopy(), cells);
    }

    /**
     * The first cell papermill counts as a failure: one with an {@code error} output other than
     * {@code SystemExit} with an empty or {@code 0} value (a clean exit), or else one whose
     * {@code metadata.papermill.exception} is true without such a clean exit (an error the kernel reported
     * without an output, like an unknown line magic).
     */
    public static Optional<ExecutionFailure> find(NotebookContent notebook) {
        List<Cell> cells = notebook.cells();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            boolean cleanExit = false;
            for (JsonNode output : cell.outputs()) {
                if (!"error".equals(output.path("output_type").asText())) {
                    continue;
                }
                String ename = output.path("ename").asText();
                String evalue = output.path("evalue").asText();
                if (ename.equals("SystemExit") && (evalue.isEmpty() || evalue.equals("0"))) {
                    cleanExit = true;
                    continue;
                }
                List<String> traceback = new ArrayList<>();
                output.path("traceback").forEach(line -> traceback.add(line.asText()));
                return Optional.of(new ExecutionFailure(i, cell.id(), cell.executionCount(), ename, evalue,
                        traceback));
            }
            if (!cleanExit && cell.metadata().path("papermill").path("exception").asBoolean(false)) {
                return Optional.of(new ExecutionFailure(i, cell.id(), cell.executionCount(), "CellExecutionError",
                        "", List.of()));
            }
        }
        return Optional.empty();
    }

    /**
     * The notebook with papermill's two markers for {@code failure}: the anchor inserted before the failing cell,
     * then the banner at the top (so the failing cell moves down by two). Old markers are removed first, so
     * {@code failure.cellIndex()} must index the notebook without them: the failing cell is found by its id.
     *
     * @throws IllegalArgumentException when no cell has the failure's cell id
     */
    public static NotebookContent marked(NotebookContent notebook, ExecutionFailure failure) {
        List<Cell> cells = new ArrayList<>(removed(notebook).cells());
        int failing = -1;
        for (int i = 0; i < cells.size() && failing < 0; i++) {
            if (cells.get(i).id().equals(failure.cellId())) {
                failing = i;
            }
        }
        if (failing < 0) {
            throw new IllegalArgumentException("no cell has the failing cell's id '" + failure.cellId()
                    + "': mark the notebook the failure was found in");
        }
        Set<String> taken = new HashSet<>();
        cells.forEach(cell -> taken.add(cell.id()));
        Cell anchor = marker(FreeIds.free("papermill-error-cell-anchor", taken), ANCHOR);
        taken.add(anchor.id());
        Cell banner = marker(FreeIds.free("papermill-error-cell-banner", taken), banner(failure.executionCount()));
        cells.add(failing, anchor);
        cells.add(0, banner);
        return new NotebookContent(notebook.metadata().deepCopy(), cells);
    }

    private static Cell marker(String id, String html) {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.putArray("tags").add(CellTags.ERROR_MARKER);
        return new Cell(id, CellType.MARKDOWN, html, metadata, List.of(), null, null);
    }
}
