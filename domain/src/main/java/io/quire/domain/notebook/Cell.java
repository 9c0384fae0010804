package io.quire.domain.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One notebook cell as nbformat 4.5 describes it. Multi-line strings are held joined (nbformat's on-disk lists of
 * lines are an encoding detail of the file). Treat the JSON values as immutable: copy before changing them.
 *
 * @param id             the stable nbformat cell id
 * @param source         the cell's text
 * @param metadata       the cell's metadata object
 * @param outputs        the outputs of a code cell, in nbformat JSON form (empty for other cells)
 * @param executionCount the execution count of a code cell, or null
 * @param attachments    the attachments of a markdown or raw cell, or null when it has none
 */
public record Cell(String id, CellType type, String source, ObjectNode metadata, List<JsonNode> outputs,
                   Integer executionCount, ObjectNode attachments) {

    public Cell {
        metadata = metadata == null ? JsonNodeFactory.instance.objectNode() : metadata;
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }

    /** A new cell with no metadata, outputs or attachments. */
    public static Cell empty(String id, CellType type, String source) {
        return new Cell(id, type, source, null, null, null, null);
    }
}
