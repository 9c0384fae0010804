package io.quire.domain.nbformat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * The type checks nbformat's JSON schema makes, each failing with the location and what was found there.
 */
final class JsonChecks {

    private JsonChecks() {
    }

    /** The value of {@code key}, which the schema requires. */
    static JsonNode required(ObjectNode object, String key, Location at) {
        JsonNode value = object.get(key);
        if (value == null) {
            throw at.fail("missing '" + key + "'");
        }
        return value;
    }

    static ObjectNode object(JsonNode node, Location at) {
        if (!node.isObject()) {
            throw at.fail("expected an object, found " + describe(node));
        }
        return (ObjectNode) node;
    }

    static String string(JsonNode node, Location at) {
        if (!node.isTextual()) {
            throw at.fail("expected a string, found " + describe(node));
        }
        return node.textValue();
    }

    static boolean bool(JsonNode node, Location at) {
        if (!node.isBoolean()) {
            throw at.fail("expected true or false, found " + describe(node));
        }
        return node.booleanValue();
    }

    static JsonNode array(JsonNode node, Location at) {
        if (!node.isArray()) {
            throw at.fail("expected an array, found " + describe(node));
        }
        return node;
    }

    /** An array whose elements are all strings. */
    static JsonNode stringArray(JsonNode node, Location at) {
        array(node, at);
        for (int i = 0; i < node.size(); i++) {
            string(node.get(i), at.index(i));
        }
        return node;
    }

    /**
     * nbformat's {@code multiline_string}: a string, or a list of strings that nbformat's {@code rejoin_lines}
     * concatenates (the lines keep their own line endings, so nothing is inserted between them).
     */
    static String multilineString(JsonNode node, Location at) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (!node.isArray()) {
            throw at.fail("expected a string or a list of strings, found " + describe(node));
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < node.size(); i++) {
            JsonNode line = node.get(i);
            if (!line.isTextual()) {
                throw at.index(i).fail("expected a string (a line), found " + describe(line));
            }
            joined.append(line.textValue());
        }
        return joined.toString();
    }

    /** An execution count: null, or a non-negative integer. */
    static Integer executionCount(JsonNode node, Location at) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            throw at.fail("expected null or a non-negative integer, found " + describe(node));
        }
        return node.intValue();
    }

    /** Refuses keys the schema does not allow here ({@code additionalProperties: false}). */
    static void onlyKeys(ObjectNode object, Set<String> allowed, Location at) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw at.fail("unexpected key '" + name + "' (allowed: " + String.join(", ", new TreeSet<>(allowed))
                        + ")");
            }
        }
    }

    /** What a node is, for messages: "a string", "an array", the number itself, and so on. */
    static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isNull()) {
            return "null";
        }
        return node.isArray() ? "an array" : "an object";
    }
}
