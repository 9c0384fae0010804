package io.quire.runtime.papermill;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.NotebookContent;

import java.util.List;

/** Small notebooks built in tests. */
final class Notebooks {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Notebooks() {
    }

    static NotebookContent python(Cell... cells) {
        ObjectNode metadata = NODES.objectNode();
        metadata.putObject("kernelspec").put("name", "python3").put("language", "python")
                .put("display_name", "Python 3");
        metadata.putObject("language_info").put("name", "python");
        return new NotebookContent(metadata, List.of(cells));
    }

    static Cell code(String id, String source, String... tags) {
        ObjectNode metadata = NODES.objectNode();
        if (tags.length > 0) {
            var array = metadata.putArray("tags");
            for (String tag : tags) {
                array.add(tag);
            }
        }
        return new Cell(id, CellType.CODE, source, metadata, List.of(), null, null);
    }

    /** A JSON object's members as an ordered parameter set. */
    static java.util.LinkedHashMap<String, com.fasterxml.jackson.databind.JsonNode> parameters(String json) {
        try {
            java.util.LinkedHashMap<String, com.fasterxml.jackson.databind.JsonNode> parameters =
                    new java.util.LinkedHashMap<>();
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).properties()
                    .forEach(e -> parameters.put(e.getKey(), e.getValue()));
            return parameters;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Cell markdown(String id, String source) {
        return Cell.empty(id, CellType.MARKDOWN, source);
    }
}
