package io.quire.gateway.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Request bodies of Quire's own API read strictly: a field of the wrong type, an unknown field (a typo would
 * otherwise be silently ignored) or a duplicate key is a 400 whose message names the field.
 */
public final class StrictBody {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private StrictBody() {
    }

    /** 400 naming the first field of {@code object} that is not one of {@code fields}. */
    public static void onlyFields(ObjectNode object, Set<String> fields, String what) {
        for (var names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw HttpException.badRequest("unknown field '" + name + "': " + what + " takes " + fields);
            }
        }
    }

    /** The body as a JSON object; 400 when it is empty, not JSON, or not an object. */
    public static ObjectNode object(Buffer body, String example) {
        if (body == null || body.length() == 0) {
            throw HttpException.badRequest("the request body is empty: send a JSON object such as " + example);
        }
        JsonNode node;
        try {
            node = JSON.readTree(body.getBytes());
        } catch (JsonProcessingException e) {
            throw HttpException.badRequest("the request body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw HttpException.badRequest("the request body cannot be read: " + e.getMessage());
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw HttpException.badRequest("the request body must be a JSON object, not " + kind(node));
    }

    /** A string field, or null when absent; 400 when not a string or blank. */
    public static String text(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw HttpException.badRequest("'" + field + "' must be a string, not " + kind(value));
        }
        if (value.textValue().isBlank()) {
            throw HttpException.badRequest("'" + field + "' is empty: leave it out, or give a value");
        }
        return value.textValue();
    }

    /** An object field as names to values (empty when absent); 400 when not an object. */
    public static Map<String, JsonNode> values(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        Map<String, JsonNode> values = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return values;
        }
        if (!value.isObject()) {
            throw HttpException.badRequest("'" + field + "' must be a JSON object of names to values, not "
                    + kind(value));
        }
        value.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue()));
        return values;
    }

    /** A positive number of seconds (at most a year), or null when absent. */
    public static Duration seconds(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.doubleValue() <= 0 || value.doubleValue() > Duration.ofDays(365).toSeconds()) {
            throw HttpException.badRequest("'" + field + "' must be a positive number of seconds (at most a year),"
                    + " not " + value);
        }
        return Duration.ofMillis(Math.max(1, Math.round(value.doubleValue() * 1000)));
    }

    /** A boolean field, false when absent. */
    public static boolean flag(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw HttpException.badRequest("'" + field + "' must be true or false, not " + kind(value));
        }
        return value.booleanValue();
    }

    /** How a person names the kind of a JSON value, for messages. */
    public static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number (" + node + ")";
            case BOOLEAN -> "a boolean (" + node + ")";
            case STRING -> "a string";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase();
        };
    }
}
