package io.quire.domain.blob;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Keeps large output values (images, big HTML) out of event payloads. {@link #extract} moves every string in an
 * output's {@code data} longer than the threshold to the blob store and leaves its address in its place, listing
 * the moved keys under {@value #MARKER}; {@link #inline} puts the values back, so exports are plain nbformat.
 */
public final class OutputBlobs {

    /** The key, beside {@code data}, that lists which mime types were moved out. */
    public static final String MARKER = "quire_blobs";

    private final BlobStore store;
    private final int threshold;

    /** @param threshold values longer than this many characters are moved out */
    public OutputBlobs(BlobStore store, int threshold) {
        this.store = store;
        this.threshold = threshold;
    }

    /** A copy of {@code output} with its large data values replaced by blob addresses. */
    public JsonNode extract(JsonNode output) {
        if (!output.path("data").isObject()) {
            return output;
        }
        ObjectNode copy = output.deepCopy();
        ObjectNode data = (ObjectNode) copy.get("data");
        ArrayNode moved = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = data.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isTextual() && field.getValue().textValue().length() > threshold) {
                String address = store.put(field.getValue().textValue().getBytes(StandardCharsets.UTF_8));
                field.setValue(data.textNode(address));
                if (moved == null) {
                    moved = copy.putArray(MARKER);
                }
                moved.add(field.getKey());
            }
        }
        return copy;
    }

    /**
     * A copy of {@code output} with moved values put back.
     *
     * @throws IllegalStateException when a blob is missing from the store
     */
    public JsonNode inline(JsonNode output) {
        if (!output.has(MARKER)) {
            return output;
        }
        ObjectNode copy = output.deepCopy();
        ObjectNode data = (ObjectNode) copy.get("data");
        for (JsonNode key : copy.remove(MARKER)) {
            String address = data.path(key.asText()).asText();
            byte[] content = store.get(address).orElseThrow(() -> new IllegalStateException(
                    "the output value " + address + " is missing from the blob store"));
            data.put(key.asText(), new String(content, StandardCharsets.UTF_8));
        }
        return copy;
    }
}
