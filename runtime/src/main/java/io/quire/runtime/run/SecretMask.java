package io.quire.runtime.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Hides the values of secret parameters wherever a run could show them: a cell that prints a secret gets
 * {@value #MASK} in its output, in the events and in the output notebook alike.
 */
public final class SecretMask {

    /** What a secret value is replaced with. */
    public static final String MASK = "********";

    /** Values shorter than this are not masked: masking "1" or "a" everywhere would wreck every output. */
    private static final int SHORTEST = 3;

    private final List<String> values;

    /** @param secrets the secret parameters; each value is masked as its text and as the JSON the kernel sees */
    public SecretMask(Map<String, JsonNode> secrets) {
        this.values = secrets.values().stream()
                .filter(Objects::nonNull)
                .flatMap(value -> value.isTextual() ? java.util.stream.Stream.of(value.textValue())
                        : java.util.stream.Stream.of(value.toString()))
                .filter(text -> text.length() >= SHORTEST)
                .distinct()
                // Longest first, so that a secret containing another is masked whole.
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** A mask that hides nothing. */
    public static SecretMask none() {
        return new SecretMask(Map.of());
    }

    /** {@code text} with every secret value masked. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String value : values) {
            masked = masked.replace(value, MASK);
        }
        return masked;
    }

    /** A copy of {@code json} with every secret value in its strings (keys included) masked. */
    public JsonNode mask(JsonNode json) {
        if (values.isEmpty() || json == null) {
            return json;
        }
        if (json.isTextual()) {
            return TextNode.valueOf(mask(json.textValue()));
        }
        if (json.isObject()) {
            ObjectNode masked = ((ObjectNode) json).objectNode();
            json.fields().forEachRemaining(field -> masked.set(mask(field.getKey()), mask(field.getValue())));
            return masked;
        }
        if (json.isArray()) {
            ArrayNode masked = ((ArrayNode) json).arrayNode();
            json.forEach(element -> masked.add(mask(element)));
            return masked;
        }
        return json;
    }

}
