package io.quire.gateway.http.runs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.run.RunSettings;
import io.quire.domain.run.RunTrigger;
import io.quire.gateway.http.HttpException;
import io.quire.gateway.runs.RunRequest;
import io.vertx.core.buffer.Buffer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /quire/api/runs}, read strictly: a field of the wrong type, an unknown field (a typo would
 * otherwise be silently ignored) or a duplicate key is refused with 400 and a message naming the field.
 * Parameter and secret values are kept as the JSON the client sent.
 */
record RunRequestBody(String input, String output, Map<String, JsonNode> parameters, Map<String, JsonNode> secrets,
                      String kernel, Duration cellTimeout, Duration runTimeout, boolean reportMode, boolean strict,
                      String cwd, String retryOf) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> FIELDS = Set.of("input", "output", "parameters", "secrets", "kernel",
            "cellTimeoutSeconds", "runTimeoutSeconds", "reportMode", "strict", "cwd", "retryOf");
    /** What a retry takes from the run it repeats, so giving them again would be ignored: refused instead. */
    private static final Set<String> FIXED_BY_RETRY = Set.of("input", "parameters", "kernel", "cellTimeoutSeconds",
            "runTimeoutSeconds", "reportMode", "strict", "cwd");

    /** @throws HttpException 400 saying what is wrong with the body */
    static RunRequestBody parse(Buffer body) {
        ObjectNode object = object(body);
        for (var names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw HttpException.badRequest("unknown field '" + name + "': a run request takes " + FIELDS);
            }
        }
        RunRequestBody parsed = new RunRequestBody(text(object, "input"), text(object, "output"),
                values(object, "parameters"), values(object, "secrets"), text(object, "kernel"),
                seconds(object, "cellTimeoutSeconds"), seconds(object, "runTimeoutSeconds"),
                flag(object, "reportMode"), flag(object, "strict"), text(object, "cwd"), text(object, "retryOf"));
        if (parsed.retryOf == null && parsed.input == null) {
            throw HttpException.badRequest("'input' is required: quire:PATH[@VERSION], a file path on the server or"
                    + " s3://bucket/key (or give 'retryOf' to run an earlier run again)");
        }
        if (parsed.retryOf != null) {
            FIXED_BY_RETRY.stream().filter(object::has).findFirst().ifPresent(field -> {
                throw HttpException.badRequest("'" + field + "' cannot be given with 'retryOf': a retry runs the"
                        + " same notebook version with the same parameters and settings; give only 'secrets' and"
                        + " 'output'");
            });
        }
        return parsed;
    }

    boolean isRetry() {
        return retryOf != null;
    }

    /**
     * The run this body asks for.
     *
     * @param serverDirectory what relative file paths (input, output, cwd) are relative to
     * @throws HttpException 400 when {@code cwd} is not a directory on the server
     */
    RunRequest request(String user, Path serverDirectory) {
        String workingDirectory = null;
        if (cwd != null) {
            Path directory = serverDirectory.resolve(cwd).normalize();
            if (!Files.isDirectory(directory)) {
                throw HttpException.badRequest("'cwd' " + cwd + " is not a directory on the server");
            }
            workingDirectory = directory.toString();
        }
        RunSettings settings = new RunSettings(kernel, cellTimeout, runTimeout, reportMode, workingDirectory);
        return new RunRequest(input, output, parameters, secrets, settings, strict, RunTrigger.API, null, null, user,
                serverDirectory);
    }

    private static ObjectNode object(Buffer body) {
        if (body == null || body.length() == 0) {
            throw HttpException.badRequest("the request body is empty: send a JSON object such as"
                    + " {\"input\": \"quire:reports/daily.ipynb\", \"parameters\": {\"day\": \"2024-05-01\"}}");
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

    private static String text(ObjectNode object, String field) {
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

    private static Map<String, JsonNode> values(ObjectNode object, String field) {
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

    private static Duration seconds(ObjectNode object, String field) {
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

    private static boolean flag(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw HttpException.badRequest("'" + field + "' must be true or false, not " + kind(value));
        }
        return value.booleanValue();
    }

    private static String kind(JsonNode node) {
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
