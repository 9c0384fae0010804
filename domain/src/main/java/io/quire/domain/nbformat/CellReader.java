package io.quire.domain.nbformat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.CellType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one cell: checks it against nbformat 4.5's schema for its {@code cell_type} and returns it with its text
 * joined and transient metadata dropped. The id is left null: ids are decided for the whole notebook at once
 * ({@link CellIds}), since they must be unique in it.
 */
final class CellReader {

    /**
     * The keys the schema allows. {@code id} is allowed whatever the minor version: tools such as Colab write ids
     * into 4.0-4.4 files, and nbformat reads those without complaint.
     */
    private static final Set<String> CODE_KEYS =
            Set.of("id", "cell_type", "metadata", "source", "outputs", "execution_count");
    private static final Set<String> TEXT_KEYS = Set.of("id", "cell_type", "metadata", "source", "attachments");

    private CellReader() {
    }

    static Cell read(JsonNode node, Location at, NotebookVersion version) {
        ObjectNode cell = JsonChecks.object(node, at);
        CellType type = cellType(JsonChecks.required(cell, "cell_type", at), at);
        if (!version.isLaterThanSupported()) {
            JsonChecks.onlyKeys(cell, type == CellType.CODE ? CODE_KEYS : TEXT_KEYS, at);
        }
        ObjectNode metadata = JsonChecks.object(JsonChecks.required(cell, "metadata", at), at.key("metadata"))
                .deepCopy();
        // nbformat's strip_transient: trust is decided by whoever opens the notebook, never stored with it.
        metadata.remove("trusted");
        MetadataChecks.cell(type, metadata, at.key("metadata"));
        String source = JsonChecks.multilineString(JsonChecks.required(cell, "source", at), at.key("source"));

        if (type != CellType.CODE) {
            JsonNode attachments = cell.get("attachments");
            ObjectNode read = attachments == null ? null : attachments(attachments, at.key("attachments"));
            return new Cell(null, type, source, metadata, List.of(), null, read);
        }
        Location outputsAt = at.key("outputs");
        JsonNode outputs = JsonChecks.array(JsonChecks.required(cell, "outputs", at), outputsAt);
        List<JsonNode> read = new ArrayList<>(outputs.size());
        for (int i = 0; i < outputs.size(); i++) {
            read.add(OutputReader.read(outputs.get(i), outputsAt.index(i), version.isLaterThanSupported()));
        }
        Integer executionCount = JsonChecks.executionCount(
                JsonChecks.required(cell, "execution_count", at), at.key("execution_count"));
        return new Cell(null, type, source, metadata, read, executionCount, null);
    }

    private static CellType cellType(JsonNode node, Location cellAt) {
        String name = JsonChecks.string(node, cellAt.key("cell_type"));
        for (CellType type : CellType.values()) {
            if (type.nbformatName().equals(name)) {
                return type;
            }
        }
        throw cellAt.fail("unknown cell_type '" + name + "' (expected code, markdown or raw)");
    }

    /** Attachments: an object of mime bundles keyed by file name. */
    private static ObjectNode attachments(JsonNode node, Location at) {
        ObjectNode read = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> attachment : JsonChecks.object(node, at).properties()) {
            read.set(attachment.getKey(), MimeBundles.read(attachment.getValue(), at.key(attachment.getKey())));
        }
        return read;
    }
}
