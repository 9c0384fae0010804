package io.quire.gateway.http.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.run.RunSettings;
import io.quire.domain.run.RunTrigger;
import io.quire.gateway.http.HttpException;
import io.quire.gateway.http.StrictBody;
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

    private static final String EXAMPLE = "{\"input\": \"quire:reports/daily.ipynb\", \"parameters\": {\"day\":"
            + " \"2024-05-01\"}}";
    private static final Set<String> FIELDS = Set.of("input", "output", "parameters", "secrets", "kernel",
            "cellTimeoutSeconds", "runTimeoutSeconds", "reportMode", "strict", "cwd", "retryOf");
    /** What a retry takes from the run it repeats, so giving them again would be ignored: refused instead. */
    private static final Set<String> FIXED_BY_RETRY = Set.of("input", "parameters", "kernel", "cellTimeoutSeconds",
            "runTimeoutSeconds", "reportMode", "strict", "cwd");

    /** @throws HttpException 400 saying what is wrong with the body */
    static RunRequestBody parse(Buffer body) {
        ObjectNode object = StrictBody.object(body, EXAMPLE);
        StrictBody.onlyFields(object, FIELDS, "a run request");
        RunRequestBody parsed = new RunRequestBody(StrictBody.text(object, "input"),
                StrictBody.text(object, "output"), StrictBody.values(object, "parameters"),
                StrictBody.values(object, "secrets"), StrictBody.text(object, "kernel"),
                StrictBody.seconds(object, "cellTimeoutSeconds"), StrictBody.seconds(object, "runTimeoutSeconds"),
                StrictBody.flag(object, "reportMode"), StrictBody.flag(object, "strict"),
                StrictBody.text(object, "cwd"), StrictBody.text(object, "retryOf"));
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
}
