package io.quire.runtime.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.NotebookContent;
import io.quire.domain.run.RunFailure;
import io.quire.runtime.papermill.ErrorMarkers;
import io.quire.runtime.papermill.ExecutionFailure;
import io.quire.runtime.papermill.PapermillMetadata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The output notebook of a run as it fills: each cell's outputs, execution count and {@code metadata.papermill}
 * (as papermill keeps them), rendered partial while the run goes and final at its end, with papermill's error
 * markers pointing at the failing cell. Thread-safe: outputs arrive on the kernel client's thread while
 * checkpoints render from another.
 */
final class OutputNotebook {

    private final PapermillMetadata papermill;
    private ObjectNode metadata;
    private final Cell[] cells;
    private final List<List<JsonNode>> outputs = new ArrayList<>();
    private final Integer[] executionCounts;
    private final boolean[] clearOnNextOutput;
    /** Where each display id is shown, for update_display_data: (cell, output index) pairs. */
    private final Map<String, List<int[]>> displays = new HashMap<>();
    private Instant runStart;
    private Instant runEnd;
    private RunFailure failure;

    /** @param kept the notebook as the output shows it, papermill metadata already prepared */
    OutputNotebook(NotebookContent kept, PapermillMetadata papermill) {
        this.papermill = papermill;
        this.metadata = kept.metadata();
        this.cells = kept.cells().toArray(Cell[]::new);
        executionCounts = new Integer[cells.length];
        clearOnNextOutput = new boolean[cells.length];
        for (Cell cell : cells) {
            // A code cell that never runs keeps no stale outputs, as papermill clears them at the start.
            outputs.add(new ArrayList<>(cell.type() == CellType.CODE ? List.of() : cell.outputs()));
        }
    }

    synchronized void runStarted(Instant at) {
        runStart = at;
        NotebookContent started = papermill.started(new NotebookContent(metadata, List.of(cells)), at);
        metadata = started.metadata();
        started.cells().toArray(cells);
    }

    synchronized void runEnded(Instant at, RunFailure failed) {
        runEnd = at;
        failure = failed;
    }

    synchronized void cellStarted(int index, Instant at) {
        cells[index] = papermill.cellStarted(cells[index], at);
    }

    synchronized void executionCount(int index, int count) {
        executionCounts[index] = count;
    }

    /** Adds an output; a pending {@code clear_output(wait=True)} clears first, as front ends do. */
    synchronized void output(int index, JsonNode output, String displayId) {
        if (clearOnNextOutput[index]) {
            clear(index);
        }
        List<JsonNode> cellOutputs = outputs.get(index);
        if (displayId != null) {
            displays.computeIfAbsent(displayId, id -> new ArrayList<>()).add(new int[]{index, cellOutputs.size()});
        }
        cellOutputs.add(output);
    }

    synchronized void clearOutputs(int index, boolean wait) {
        if (wait) {
            clearOnNextOutput[index] = true;
        } else {
            clear(index);
        }
    }

    /** Replaces the data and metadata of every output showing {@code displayId}, in any cell. */
    synchronized void updateDisplay(String displayId, JsonNode data, JsonNode displayMetadata) {
        for (int[] place : displays.getOrDefault(displayId, List.of())) {
            List<JsonNode> cellOutputs = outputs.get(place[0]);
            if (place[1] < cellOutputs.size()) {
                ObjectNode updated = ((ObjectNode) cellOutputs.get(place[1])).deepCopy();
                updated.set("data", data);
                updated.set("metadata", displayMetadata);
                cellOutputs.set(place[1], updated);
            }
        }
    }

    /** Cells that do not run (markdown, raw, empty code) are marked done as papermill marks them. */
    synchronized void passed(int index, Instant at) {
        cells[index] = papermill.cellCompleted(papermill.cellStarted(cells[index], at), at);
    }

    synchronized void cellEnded(int index, Instant at, boolean exception) {
        Cell cell = exception ? papermill.cellFailed(cells[index]) : cells[index];
        if (exception) {
            metadata = papermill.notebookFailed(new NotebookContent(metadata, List.of())).metadata();
        }
        cells[index] = papermill.cellCompleted(cell, at);
    }

    /** The notebook as it stands; once ended, with its end time and the markers of a failing cell. */
    synchronized NotebookContent render() {
        List<Cell> rendered = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            Cell cell = cells[i];
            boolean code = cell.type() == CellType.CODE;
            rendered.add(new Cell(cell.id(), cell.type(), cell.source(), cell.metadata(),
                    code ? List.copyOf(outputs.get(i)) : cell.outputs(), code ? executionCounts[i] : null,
                    cell.attachments()));
        }
        NotebookContent notebook = new NotebookContent(metadata, rendered);
        if (runEnd == null) {
            return notebook;
        }
        notebook = papermill.completed(notebook, runStart, runEnd);
        if (failure != null && failure.cellId() != null) {
            notebook = ErrorMarkers.marked(notebook, new ExecutionFailure(failure.cellIndex(), failure.cellId(),
                    failure.executionCount(), failure.ename() == null ? failure.kind().name() : failure.ename(),
                    failure.evalue() == null ? failure.message() : failure.evalue(), List.of()));
        }
        return notebook;
    }

    private void clear(int index) {
        outputs.get(index).clear();
        clearOnNextOutput[index] = false;
        displays.values().forEach(places -> places.removeIf(place -> place[0] == index));
    }
}
