package io.quire.domain.nbformat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.NotebookContent;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

/**
 * Writes {@link NotebookContent} as an nbformat 4.5 .ipynb file, byte for byte as {@code nbformat.write} does:
 * multi-line text split into lists of lines (nbformat's {@code split_lines}), transient keys dropped
 * ({@code strip_transient}), JSON laid out by {@link PythonJson}, and a final newline. The same content always
 * gives the same bytes.
 *
 * <p>Each cell type gets the keys nbformat 4.5 defines for it: code cells always have {@code execution_count}
 * (null when never run) and {@code outputs}; markdown and raw cells have {@code attachments} only when they have
 * attachments. Keys a cell type cannot carry are not written (a code cell's attachments, say, after its type was
 * changed).
 *
 * <p>Stateless: one instance can be shared by any number of threads.
 */
public final class NotebookWriter {

    private static final List<String> TRANSIENT_METADATA = List.of("orig_nbformat", "orig_nbformat_minor", "signature");

    /**
     * The .ipynb file, UTF-8.
     *
     * @throws IllegalArgumentException when a cell's id is missing, invalid or used by another cell: nbformat 4.5
     *                                  has no valid form for such a notebook
     */
    public byte[] write(NotebookContent notebook) {
        return (PythonJson.dumps(toJson(notebook)) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One cell as {@link #write} lays it out in the notebook's {@code cells} list, UTF-8: indented for that place,
     * without the separator. {@link #assemble} joins such cells into the file, so that a notebook kept cell by cell
     * is written again only where a cell changed.
     */
    public byte[] writeCell(Cell cell) {
        return (CELL_INDENT + PythonJson.dumps(cell(cell), 2)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What {@link #writeCell} writes before the cell's source, which nbformat writes last (keys are sorted): the
     * same for every version of a cell that differs only in its source, as a cell does while someone types.
     */
    public byte[] writeCellHead(Cell cell) {
        byte[] withoutSource = writeCell(new Cell(cell.id(), cell.type(), "", cell.metadata(), cell.outputs(),
                cell.executionCount(), cell.attachments()));
        return Arrays.copyOf(withoutSource, withoutSource.length - EMPTY_SOURCE_END.length);
    }

    /**
     * {@link #writeCell} of a cell from its head ({@link #writeCellHead} of a cell that differs from it at most in
     * its source) and its source: only the source is laid out.
     */
    public byte[] writeCell(byte[] head, String source) {
        byte[] tail = writeCellTail(source);
        return ByteBuffer.allocate(head.length + tail.length).put(head).put(tail).array();
    }

    /** What {@link #writeCell} writes after the cell's head: its source, and the end of the cell. */
    public byte[] writeCellTail(String source) {
        String text = source == null ? "" : source;
        // Sized for the text plus its quotes, commas and indents, so typing in a long cell does not regrow it.
        byte[] lines = PythonJson.dumpsLines(text, 3, text.length() + text.length() / 8 + 64)
                .getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(lines.length + CELL_END.length).put(lines).put(CELL_END).array();
    }

    /**
     * The bytes {@link #write} gives for a notebook with this metadata and these cells, from the cells as
     * {@link #writeCell} wrote them, in notebook order. Cell ids are not checked: the caller keeps them unique.
     */
    public byte[] assemble(ObjectNode metadata, List<byte[]> cells) {
        byte[] empty = write(new NotebookContent(metadata, List.of()));
        if (cells.isEmpty()) {
            return empty;
        }
        // "cells" sorts before every other key, so the file starts with the cells list.
        int rest = EMPTY_CELLS.length;
        int size = empty.length - rest + CELLS_OPEN.length + CELLS_CLOSE.length;
        for (byte[] cell : cells) {
            size += cell.length + CELL_SEPARATOR.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size - CELL_SEPARATOR.length);
        out.put(CELLS_OPEN);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.put(CELL_SEPARATOR);
            }
            out.put(cells.get(i));
        }
        out.put(CELLS_CLOSE);
        out.put(empty, rest, empty.length - rest);
        return out.array();
    }

    private static final String CELL_INDENT = "  ";
    private static final byte[] CELL_END = "\n  }".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EMPTY_SOURCE_END = "[]\n  }".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EMPTY_CELLS = "{\n \"cells\": []".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CELLS_OPEN = "{\n \"cells\": [\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CELL_SEPARATOR = ",\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CELLS_CLOSE = "\n ]".getBytes(StandardCharsets.UTF_8);

    /**
     * The JSON document that {@link #write} writes, as a new tree the caller may change.
     *
     * @throws IllegalArgumentException as {@link #write} does
     */
    public ObjectNode toJson(NotebookContent notebook) {
        checkIds(notebook.cells());
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        ArrayNode cells = document.putArray("cells");
        notebook.cells().forEach(cell -> cells.add(cell(cell)));
        ObjectNode metadata = notebook.metadata().deepCopy();
        metadata.remove(TRANSIENT_METADATA);
        document.set("metadata", metadata);
        document.put("nbformat", NotebookVersion.MAJOR);
        document.put("nbformat_minor", NotebookVersion.MINOR);
        return document;
    }

    private static ObjectNode cell(Cell cell) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", cell.id());
        json.put("cell_type", cell.type().nbformatName());
        ObjectNode metadata = cell.metadata().deepCopy();
        metadata.remove("trusted");
        json.set("metadata", metadata);
        json.set("source", MimeBundles.lines(cell.source() == null ? "" : cell.source()));
        if (cell.type() == CellType.CODE) {
            json.put("execution_count", cell.executionCount());
            ArrayNode outputs = json.putArray("outputs");
            cell.outputs().forEach(output -> outputs.add(output(output)));
        } else if (cell.attachments() != null) {
            ObjectNode attachments = json.putObject("attachments");
            for (Entry<String, JsonNode> attachment : cell.attachments().properties()) {
                JsonNode bundle = attachment.getValue();
                attachments.set(attachment.getKey(),
                        bundle.isObject() ? MimeBundles.split((ObjectNode) bundle) : bundle.deepCopy());
            }
        }
        return json;
    }

    /** An output with its text split into lines as nbformat's {@code split_lines} does. */
    private static JsonNode output(JsonNode output) {
        if (!output.isObject()) {
            return output.deepCopy();
        }
        ObjectNode json = (ObjectNode) output.deepCopy();
        String type = json.path("output_type").asText();
        JsonNode text = json.get("text");
        JsonNode data = json.get("data");
        if (type.equals("stream") && text != null && text.isTextual()) {
            json.set("text", MimeBundles.lines(text.textValue()));
        } else if ((type.equals("display_data") || type.equals("execute_result")) && data != null
                && data.isObject()) {
            json.set("data", MimeBundles.split((ObjectNode) data));
        }
        return json;
    }

    private static void checkIds(List<Cell> cells) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String id = cells.get(i).id();
            if (!CellIds.isValid(id)) {
                throw new IllegalArgumentException("cells[" + i + "]: invalid cell id " + (id == null ? "null"
                        : "'" + id + "'") + ": expected 1-64 characters, each a-z, A-Z, 0-9, '-' or '_'");
            }
            Integer earlier = seen.putIfAbsent(id, i);
            if (earlier != null) {
                throw new IllegalArgumentException("cells[" + earlier + "] and cells[" + i + "] have the same id '"
                        + id + "'");
            }
        }
    }
}
