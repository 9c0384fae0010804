package io.quire.runtime.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.NotebookContent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The output notebook of a run as it fills: each cell's outputs, execution count and papermill timing, from which
 * the notebook is rendered (partial while the run goes, final at its end). Thread-safe: outputs arrive on the
 * kernel client's thread while checkpoints render from another.
 */
final class OutputNotebook {

    /** papermill's cell states. */
    enum CellStatus { PENDING, RUNNING, COMPLETED, FAILED }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter MICROSECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

    private final NotebookContent kept;
    private final List<List<JsonNode>> outputs = new ArrayList<>();
    private final Integer[] executionCounts;
    private final Instant[] starts;
    private final Instant[] ends;
    private final CellStatus[] statuses;
    private final Boolean[] exceptions;
    private final boolean[] clearOnNextOutput;
    /** Where each display id is shown, for update_display_data: (cell, output index) pairs. */
    private final Map<String, List<int[]>> displays = new HashMap<>();
    private Instant runStart;
    private Instant runEnd;
    private boolean failed;

    OutputNotebook(NotebookContent kept) {
        this.kept = kept;
        int size = kept.cells().size();
        executionCounts = new Integer[size];
        starts = new Instant[size];
        ends = new Instant[size];
        statuses = new CellStatus[size];
        exceptions = new Boolean[size];
        clearOnNextOutput = new boolean[size];
        for (int i = 0; i < size; i++) {
            outputs.add(new ArrayList<>());
            statuses[i] = CellStatus.PENDING;
        }
    }

    synchronized void runStarted(Instant at) {
        runStart = at;
    }

    synchronized void runEnded(Instant at, boolean failedRun) {
        runEnd = at;
        failed = failedRun;
    }

    synchronized void cellStarted(int index, Instant at) {
        starts[index] = at;
        statuses[index] = CellStatus.RUNNING;
        exceptions[index] = false;
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
    synchronized void updateDisplay(String displayId, JsonNode data, JsonNode metadata) {
        for (int[] place : displays.getOrDefault(displayId, List.of())) {
            List<JsonNode> cellOutputs = outputs.get(place[0]);
            if (place[1] < cellOutputs.size()) {
                ObjectNode updated = ((ObjectNode) cellOutputs.get(place[1])).deepCopy();
                updated.set("data", data);
                updated.set("metadata", metadata);
                cellOutputs.set(place[1], updated);
            }
        }
    }

    /** Cells that do not run (markdown, raw, empty code) are marked done as papermill marks them. */
    synchronized void passed(int index, Instant at) {
        starts[index] = at;
        ends[index] = at;
        statuses[index] = CellStatus.COMPLETED;
        exceptions[index] = false;
    }

    synchronized void cellEnded(int index, Instant at, boolean exception) {
        ends[index] = at;
        statuses[index] = exception ? CellStatus.FAILED : CellStatus.COMPLETED;
        exceptions[index] = exception;
    }

    /** The notebook as it stands. */
    synchronized NotebookContent render() {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < kept.cells().size(); i++) {
            Cell cell = kept.cells().get(i);
            ObjectNode metadata = cell.metadata().deepCopy();
            metadata.set("papermill", cellPapermill(i));
            boolean code = cell.type() == CellType.CODE;
            cells.add(new Cell(cell.id(), cell.type(), cell.source(), metadata,
                    code ? List.copyOf(outputs.get(i)) : cell.outputs(), code ? executionCounts[i] : null,
                    cell.attachments()));
        }
        ObjectNode metadata = kept.metadata().deepCopy();
        ObjectNode papermill = metadata.has("papermill") && metadata.get("papermill").isObject()
                ? (ObjectNode) metadata.get("papermill") : metadata.putObject("papermill");
        papermill.put("start_time", time(runStart));
        papermill.put("end_time", time(runEnd));
        putDuration(papermill, runStart, runEnd);
        if (failed) {
            papermill.put("exception", true);
        } else {
            papermill.putNull("exception");
        }
        return new NotebookContent(metadata, cells);
    }

    private ObjectNode cellPapermill(int index) {
        ObjectNode papermill = NODES.objectNode();
        putDuration(papermill, starts[index], ends[index]);
        papermill.put("end_time", time(ends[index]));
        if (exceptions[index] == null) {
            papermill.putNull("exception");
        } else {
            papermill.put("exception", exceptions[index]);
        }
        papermill.put("start_time", time(starts[index]));
        papermill.put("status", statuses[index].name().toLowerCase());
        return papermill;
    }

    private void clear(int index) {
        outputs.get(index).clear();
        clearOnNextOutput[index] = false;
        displays.values().forEach(places -> places.removeIf(place -> place[0] == index));
    }

    private static void putDuration(ObjectNode json, Instant start, Instant end) {
        if (start != null && end != null) {
            json.put("duration", Duration.between(start, end).toNanos() / 1e9);
        } else {
            json.putNull("duration");
        }
    }

    /** papermill's times: Python's {@code datetime.utcnow().isoformat()}: microseconds when not zero, no zone. */
    static String time(Instant instant) {
        if (instant == null) {
            return null;
        }
        LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        int micros = utc.getNano() / 1000;
        return (micros == 0 ? SECONDS : MICROSECONDS).format(utc.withNano(micros * 1000));
    }
}
