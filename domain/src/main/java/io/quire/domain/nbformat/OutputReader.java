package io.quire.domain.nbformat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;

/**
 * Reads one output of a code cell: checks it against nbformat 4.5's schema for its {@code output_type} and returns
 * it in Quire's in-memory form, a new node holding only the schema's keys with multi-line text joined.
 */
final class OutputReader {

    /** The keys the schema allows for each output type; it refuses any other ({@code additionalProperties}). */
    private static final Map<String, Set<String>> KEYS = Map.of(
            "stream", Set.of("output_type", "name", "text"),
            "display_data", Set.of("output_type", "data", "metadata"),
            "execute_result", Set.of("output_type", "data", "metadata", "execution_count"),
            "error", Set.of("output_type", "ename", "evalue", "traceback"));

    private OutputReader() {
    }

    /**
     * @param extraKeysAllowed true for notebooks of a later 4.x minor, whose schema nbformat relaxes: keys it does
     *                         not know are then dropped rather than refused, since 4.5 has no place for them
     */
    static ObjectNode read(JsonNode node, Location at, boolean extraKeysAllowed) {
        ObjectNode output = JsonChecks.object(node, at);
        String type = JsonChecks.string(JsonChecks.required(output, "output_type", at), at.key("output_type"));
        Set<String> keys = KEYS.get(type);
        if (keys == null) {
            throw at.fail("unknown output_type '" + type + "' (expected stream, display_data, execute_result or"
                    + " error)");
        }
        if (!extraKeysAllowed) {
            JsonChecks.onlyKeys(output, keys, at);
        }
        ObjectNode read = JsonNodeFactory.instance.objectNode().put("output_type", type);
        switch (type) {
            case "stream" -> {
                read.put("name", JsonChecks.string(JsonChecks.required(output, "name", at), at.key("name")));
                read.put("text", JsonChecks.multilineString(JsonChecks.required(output, "text", at), at.key("text")));
            }
            case "error" -> {
                read.put("ename", JsonChecks.string(JsonChecks.required(output, "ename", at), at.key("ename")));
                read.put("evalue", JsonChecks.string(JsonChecks.required(output, "evalue", at), at.key("evalue")));
                // A traceback stays a list: each entry is a frame, not a line, and nbformat never joins it.
                JsonNode traceback = JsonChecks.required(output, "traceback", at);
                read.set("traceback", JsonChecks.stringArray(traceback, at.key("traceback")).deepCopy());
            }
            default -> {
                read.set("data", MimeBundles.read(JsonChecks.required(output, "data", at), at.key("data")));
                JsonNode metadata = JsonChecks.required(output, "metadata", at);
                read.set("metadata", JsonChecks.object(metadata, at.key("metadata")).deepCopy());
                if (type.equals("execute_result")) {
                    JsonNode count = JsonChecks.required(output, "execution_count", at);
                    read.put("execution_count", JsonChecks.executionCount(count, at.key("execution_count")));
                }
            }
        }
        return read;
    }
}
