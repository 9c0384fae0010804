package io.quire.domain.nbformat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;

/**
 * Mime bundles: the {@code data} of display_data and execute_result outputs, and each attachment of a markdown or
 * raw cell. Values of JSON mime types ({@code application/json}, {@code application/*+json}) are JSON of any
 * shape and are never touched; every other value is text, held joined in memory and split into lines on disk.
 */
final class MimeBundles {

    /** Mime types that are not {@code text/*} but that nbformat still splits into lines when writing. */
    private static final Set<String> SPLIT_NON_TEXT = Set.of("application/javascript", "image/svg+xml");

    private MimeBundles() {
    }

    /** nbformat's {@code _is_json_mime}. */
    static boolean isJsonMime(String mime) {
        return mime.equals("application/json") || (mime.startsWith("application/") && mime.endsWith("+json"));
    }

    /**
     * Checks a bundle as the schema's {@code mimebundle} and returns a copy whose text values are joined, as
     * nbformat's {@code rejoin_lines} leaves them.
     */
    static ObjectNode read(JsonNode node, Location at) {
        ObjectNode bundle = JsonChecks.object(node, at);
        ObjectNode joined = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : bundle.properties()) {
            String mime = field.getKey();
            if (isJsonMime(mime)) {
                joined.set(mime, field.getValue().deepCopy());
            } else {
                joined.put(mime, JsonChecks.multilineString(field.getValue(), at.key(mime)));
            }
        }
        return joined;
    }

    /**
     * A copy of a joined bundle laid out as nbformat's {@code split_lines} writes it. Only {@code text/*},
     * {@code application/javascript} and {@code image/svg+xml} strings become lists of lines: nbformat leaves
     * every other string whole (a base64 image stays one string), so splitting more would change the bytes.
     */
    static ObjectNode split(ObjectNode bundle) {
        ObjectNode split = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : bundle.properties()) {
            String mime = field.getKey();
            JsonNode value = field.getValue();
            boolean text = mime.startsWith("text/") || SPLIT_NON_TEXT.contains(mime);
            split.set(mime, text && value.isTextual() ? lines(value.textValue()) : value.deepCopy());
        }
        return split;
    }

    /** {@code text} as the JSON list of its lines. */
    static ArrayNode lines(String text) {
        ArrayNode lines = JsonNodeFactory.instance.arrayNode();
        Lines.split(text).forEach(lines::add);
        return lines;
    }
}
