package io.quire.gateway.http.contents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.NotebookContent;

/**
 * A notebook as the {@code content} of a contents model: the tree {@code nbformat.read} gives Jupyter Server,
 * multi-line text joined into one string (not split into lines, as in the file). Stateless.
 */
final class NotebookJson {

    private NotebookJson() {
    }

    static ObjectNode of(NotebookContent notebook) {
        ObjectNode document = ContentsModels.JSON.createObjectNode();
        ArrayNode cells = document.putArray("cells");
        for (Cell cell : notebook.cells()) {
            cells.add(cell(cell));
        }
        document.set("metadata", notebook.metadata().deepCopy());
        document.put("nbformat", 4);
        document.put("nbformat_minor", 5);
        return document;
    }

    private static ObjectNode cell(Cell cell) {
        ObjectNode json = ContentsModels.JSON.createObjectNode();
        json.put("cell_type", cell.type().nbformatName());
        json.put("id", cell.id());
        json.set("metadata", cell.metadata().deepCopy());
        json.put("source", cell.source() == null ? "" : cell.source());
        if (cell.type() == CellType.CODE) {
            json.put("execution_count", cell.executionCount());
            ArrayNode outputs = json.putArray("outputs");
            for (JsonNode output : cell.outputs()) {
                outputs.add(output.deepCopy());
            }
        } else if (cell.attachments() != null) {
            json.set("attachments", cell.attachments().deepCopy());
        }
        return json;
    }
}
