package io.quire.domain.notebook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A whole notebook's content: what an .ipynb file holds, once read.
 *
 * @param metadata the notebook metadata object
 * @param cells    the cells, in order
 */
public record NotebookContent(ObjectNode metadata, List<Cell> cells) {

    public NotebookContent {
        metadata = metadata == null ? JsonNodeFactory.instance.objectNode() : metadata;
        cells = List.copyOf(cells);
    }
}
