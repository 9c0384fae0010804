package io.quire.gateway.runs;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.domain.run.RunSettings;
import io.quire.domain.run.RunTrigger;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a user asks to run.
 *
 * @param input       {@code quire:PATH[@VERSION|@NAME]}, a local file or {@code s3://bucket/key}
 * @param output      where the output notebook goes (same forms), or null for Quire's output store
 * @param parameters  the parameters, in order (later ones won already)
 * @param secrets     parameters whose values reach the kernel only
 * @param strict      refuse parameters the notebook does not declare, or of the wrong type
 * @param scheduleId  the schedule that triggered it, or null
 * @param retryOf     the run it retries, or null
 * @param workingDirectory what relative local paths in {@code input} and {@code output} are relative to
 */
public record RunRequest(String input, String output, Map<String, JsonNode> parameters,
                         Map<String, JsonNode> secrets, RunSettings settings, boolean strict, RunTrigger trigger,
                         String scheduleId, String retryOf, String user, Path workingDirectory) {

    public RunRequest {
        parameters = parameters == null ? new LinkedHashMap<>() : new LinkedHashMap<>(parameters);
        secrets = secrets == null ? new LinkedHashMap<>() : new LinkedHashMap<>(secrets);
        settings = settings == null ? RunSettings.defaults() : settings;
        workingDirectory = workingDirectory == null ? Path.of("").toAbsolutePath() : workingDirectory;
    }
}
