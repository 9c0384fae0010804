package io.quire.gateway.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A notebook's cells reduced to what an execution decides (type, execution count, outputs), with the values that
 * differ from run to run masked: memory addresses, the kernel's process id in code file names, timestamps.
 * Multi-line strings, which nbformat may store as lists of lines, become single strings.
 */
final class ComparableCells {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Pattern, String> VOLATILE = Map.of(
            Pattern.compile("0x[0-9a-fA-F]{6,16}"), "0x<address>",
            Pattern.compile("/tmp/ipykernel_\\d+/"), "/tmp/ipykernel_<pid>/",
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})?"),
            "<timestamp>");

    /** One cell: {@code source} to name it in reports; {@code execution} holds its count and outputs. */
    record ComparableCell(int index, String type, String source, JsonNode execution) {
    }

    private ComparableCells() {
    }

    static List<ComparableCell> of(byte[] ipynb) throws IOException {
        List<ComparableCell> cells = new ArrayList<>();
        JsonNode notebook = JSON.readTree(ipynb);
        int index = 0;
        for (JsonNode cell : notebook.path("cells")) {
            String type = cell.path("cell_type").asText();
            ObjectNode execution = JsonNodeFactory.instance.objectNode();
            if (type.equals("code")) {
                execution.set("execution_count", cell.path("execution_count"));
                ArrayNode outputs = execution.putArray("outputs");
                cell.path("outputs").forEach(output -> outputs.add(normalised(output.deepCopy())));
            }
            cells.add(new ComparableCell(index++, type, joined(cell.path("source")), execution));
        }
        return cells;
    }

    private static JsonNode normalised(ObjectNode output) {
        if (output.has("text")) {
            output.put("text", joined(output.get("text")));
        }
        if (output.path("data").isObject()) {
            ObjectNode data = (ObjectNode) output.get("data");
            for (Iterator<String> keys = data.fieldNames(); keys.hasNext(); ) {
                String mimeType = keys.next();
                if (!mimeType.endsWith("json")) { // a JSON value that is a list is data, not lines
                    data.put(mimeType, joined(data.get(mimeType)));
                }
            }
        }
        return masked(output);
    }

    private static JsonNode masked(JsonNode node) {
        if (node.isTextual()) {
            String text = node.asText();
            for (Map.Entry<Pattern, String> mask : VOLATILE.entrySet()) {
                text = mask.getKey().matcher(text).replaceAll(mask.getValue());
            }
            return TextNode.valueOf(text);
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            object.fieldNames().forEachRemaining(name -> object.set(name, masked(object.get(name))));
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, masked(array.get(i)));
            }
        }
        return node;
    }

    private static String joined(JsonNode text) {
        if (!text.isArray()) {
            return text.asText();
        }
        StringBuilder joined = new StringBuilder();
        text.forEach(line -> joined.append(line.asText()));
        return joined.toString();
    }

    /** Pretty JSON, one field per line, control characters escaped so that they can be seen. */
    static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
