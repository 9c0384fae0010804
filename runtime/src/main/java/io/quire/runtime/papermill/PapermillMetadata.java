package io.quire.runtime.papermill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.NotebookContent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code metadata.papermill} on a notebook and its cells, written as papermill 2.6 writes it, step by step through
 * a run. Every method is pure: it returns a new notebook or cell and leaves its argument alone.
 *
 * <p>Notebook: {@code default_parameters}, {@code parameters}, {@code environment_variables}, {@code version}
 * (when the notebook had no papermill metadata), {@code input_path}, {@code output_path}, {@code start_time},
 * {@code end_time}, {@code duration} (seconds, a float), {@code exception} (null, or true once a cell failed).
 * Cell: {@code exception}, {@code start_time}, {@code end_time}, {@code duration}, {@code status}
 * ({@code pending}, {@code running}, {@code completed}, {@code failed}). Times are UTC, papermill's
 * {@code isoformat()} without an offset.
 */
public final class PapermillMetadata {

    public static final String PENDING = "pending";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    private final String version;

    /** @param version what to record as {@code metadata.papermill.version} in notebooks that have none */
    public PapermillMetadata(String version) {
        this.version = version;
    }

    /**
     * As papermill loads a notebook: {@code metadata.papermill} added when missing (an existing one is kept, with
     * whatever a previous run left in it), and every cell given {@code tags: []} and {@code papermill: {}} when
     * missing.
     */
    public NotebookContent loaded(NotebookContent notebook) {
        ObjectNode metadata = notebook.metadata().deepCopy();
        if (!metadata.has("papermill")) {
            ObjectNode papermill = metadata.putObject("papermill");
            papermill.putObject("default_parameters");
            papermill.putObject("parameters");
            papermill.putObject("environment_variables");
            papermill.put("version", version);
        }
        List<Cell> cells = new ArrayList<>(notebook.cells());
        cells.replaceAll(cell -> withMetadata(cell, m -> {
            if (!m.has("tags")) {
                m.putArray("tags");
            }
            if (!m.has("papermill")) {
                m.putObject("papermill");
            }
            return m;
        }));
        return new NotebookContent(metadata, cells);
    }

    /** Records where the notebook was read from and where its output goes. */
    public NotebookContent prepared(NotebookContent notebook, String inputPath, String outputPath) {
        return withNotebookPapermill(notebook, papermill -> papermill.put("input_path", inputPath)
                .put("output_path", outputPath));
    }

    /**
     * The run starts: start time set, end time, duration and exception cleared; every cell {@code pending} with
     * its times cleared; code cells lose their execution counts and outputs.
     */
    public NotebookContent started(NotebookContent notebook, Instant start) {
        NotebookContent timed = withNotebookPapermill(notebook, papermill -> {
            papermill.put("start_time", PapermillTime.isoformat(start));
            papermill.putNull("end_time");
            papermill.putNull("duration");
            papermill.putNull("exception");
            return papermill;
        });
        List<Cell> cells = new ArrayList<>(timed.cells());
        cells.replaceAll(cell -> {
            Cell pending = withMetadata(cell, m -> {
                ObjectNode papermill = m.putObject("papermill");
                papermill.putNull("exception");
                papermill.putNull("start_time");
                papermill.putNull("end_time");
                papermill.putNull("duration");
                papermill.put("status", PENDING);
                return m;
            });
            return cell.type() != CellType.CODE ? pending : new Cell(pending.id(), pending.type(), pending.source(),
                    pending.metadata(), List.of(), null, pending.attachments());
        });
        return new NotebookContent(timed.metadata(), cells);
    }

    /** A cell starts executing: its start time, {@code running}, {@code exception: false}. */
    public Cell cellStarted(Cell cell, Instant start) {
        return withCellPapermill(cell, papermill -> papermill.put("start_time", PapermillTime.isoformat(start))
                .put("status", RUNNING).put("exception", false));
    }

    /** A cell raised: {@code exception: true}, {@code failed}. Pair with {@link #notebookFailed}. */
    public Cell cellFailed(Cell cell) {
        return withCellPapermill(cell, papermill -> papermill.put("exception", true).put("status", FAILED));
    }

    /** The notebook records that a cell failed: {@code exception: true}. */
    public NotebookContent notebookFailed(NotebookContent notebook) {
        return withNotebookPapermill(notebook, papermill -> papermill.put("exception", true));
    }

    /**
     * A cell finished (after {@link #cellFailed} too): its end time, its duration when it has a start time, and
     * {@code completed} unless it failed.
     */
    public Cell cellCompleted(Cell cell, Instant end) {
        return withCellPapermill(cell, papermill -> {
            papermill.put("end_time", PapermillTime.isoformat(end));
            Instant start = papermill.path("start_time").isTextual()
                    ? PapermillTime.parse(papermill.get("start_time").textValue()) : null;
            if (start != null) {
                papermill.put("duration", PapermillTime.seconds(start, end));
            }
            if (!FAILED.equals(papermill.path("status").asText())) {
                papermill.put("status", COMPLETED);
            }
            return papermill;
        });
    }

    /**
     * The run ends, whether or not a cell failed: end time, duration since {@code start} when a start time was
     * recorded, and every cell still {@code pending} before the first failed one marked {@code completed} (as
     * papermill does for cells its engine never reported).
     */
    public NotebookContent completed(NotebookContent notebook, Instant start, Instant end) {
        NotebookContent timed = withNotebookPapermill(notebook, papermill -> {
            papermill.put("end_time", PapermillTime.isoformat(end));
            JsonNode started = papermill.get("start_time");
            if (started != null && started.isTextual() && !started.textValue().isEmpty()) {
                papermill.put("duration", PapermillTime.seconds(start, end));
            }
            return papermill;
        });
        List<Cell> cells = new ArrayList<>(timed.cells());
        for (int i = 0; i < cells.size(); i++) {
            String status = cells.get(i).metadata().path("papermill").path("status").asText();
            if (FAILED.equals(status)) {
                break;
            }
            if (PENDING.equals(status)) {
                cells.set(i, withCellPapermill(cells.get(i), papermill -> papermill.put("status", COMPLETED)));
            }
        }
        return new NotebookContent(timed.metadata(), cells);
    }

    private static NotebookContent withNotebookPapermill(NotebookContent notebook, UnaryOperator<ObjectNode> change) {
        ObjectNode metadata = notebook.metadata().deepCopy();
        change.apply(metadata.get("papermill") instanceof ObjectNode papermill ? papermill
                : metadata.putObject("papermill"));
        return new NotebookContent(metadata, notebook.cells());
    }

    private static Cell withCellPapermill(Cell cell, UnaryOperator<ObjectNode> change) {
        return withMetadata(cell, metadata -> {
            change.apply(metadata.get("papermill") instanceof ObjectNode papermill ? papermill
                    : metadata.putObject("papermill"));
            return metadata;
        });
    }

    private static Cell withMetadata(Cell cell, UnaryOperator<ObjectNode> change) {
        return new Cell(cell.id(), cell.type(), cell.source(), change.apply(cell.metadata().deepCopy()),
                cell.outputs(), cell.executionCount(), cell.attachments());
    }
}
