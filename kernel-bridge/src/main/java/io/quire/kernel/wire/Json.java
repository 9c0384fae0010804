package io.quire.kernel.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON codec of the module: one configured {@link ObjectMapper}, kept private so no caller can reconfigure it
 * under the others. All methods are thread-safe.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    /** A new empty JSON object. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Serializes a tree to UTF-8 bytes. */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialize JSON tree", e);
        }
    }

    /**
     * Parses UTF-8 bytes into a tree.
     *
     * @throws IOException if the bytes are not one JSON value
     */
    public static JsonNode tree(byte[] utf8) throws IOException {
        JsonNode node = MAPPER.readTree(utf8);
        if (node == null || node.isMissingNode()) {
            throw new IOException("empty JSON frame");
        }
        return node;
    }

    /** Converts a tree or a POJO to another type (records included), through Jackson's data binding. */
    public static <T> T convert(Object value, Class<T> type) {
        return MAPPER.convertValue(value, type);
    }

    /** Serializes a POJO or record to indented UTF-8 bytes, for files people may read. */
    public static byte[] prettyBytes(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /** The text of a field, or {@code fallback} when it is missing or JSON null. */
    public static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
