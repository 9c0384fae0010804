package io.quire.kernel.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.kernel.wire.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kernelspec: the {@code kernel.json} in {@code kernels/<name>/} of a Jupyter data directory.
 *
 * @param name          the directory name, lower case
 * @param resourceDir   the directory holding kernel.json (and logos)
 * @param argv          the command line, with {@code {connection_file}} and {@code {resource_dir}} placeholders
 * @param displayName   the name to show people
 * @param language      the kernel's language, e.g. {@code python}
 * @param interruptMode how to interrupt it; {@link InterruptMode#SIGNAL} when kernel.json does not say
 * @param env           variables to add to the kernel's environment
 * @param metadata      the free-form {@code metadata} object, empty if absent
 */
public record KernelSpec(String name, Path resourceDir, List<String> argv, String displayName, String language,
                         InterruptMode interruptMode, Map<String, String> env, JsonNode metadata) {

    /** The file every kernelspec directory contains. */
    public static final String FILE_NAME = "kernel.json";

    public KernelSpec {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("kernelspec " + name + " has an empty argv");
        }
    }

    /**
     * Reads {@code resourceDir/kernel.json}.
     *
     * @throws IOException if it cannot be read, is not JSON, or has no argv
     */
    public static KernelSpec read(String name, Path resourceDir) throws IOException {
        Path file = resourceDir.resolve(FILE_NAME);
        JsonNode json = Json.tree(Files.readAllBytes(file));
        JsonNode argvJson = json.path("argv");
        if (!argvJson.isArray() || argvJson.isEmpty()) {
            throw new IOException(file + " has no argv list");
        }
        List<String> argv = new ArrayList<>();
        argvJson.forEach(arg -> argv.add(arg.asText()));
        Map<String, String> env = new LinkedHashMap<>();
        json.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        try {
            return new KernelSpec(name, resourceDir, argv, Json.text(json, "display_name", name),
                    Json.text(json, "language", ""), InterruptMode.of(Json.text(json, "interrupt_mode", null)),
                    env, json.path("metadata").isObject() ? json.get("metadata") : Json.object());
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid kernelspec " + file + ": " + e.getMessage(), e);
        }
    }

    /** The command line for a kernel that is to read {@code connectionFile}: placeholders substituted. */
    public List<String> argv(Path connectionFile) {
        List<String> command = new ArrayList<>(argv.size());
        for (String arg : argv) {
            command.add(arg.replace("{connection_file}", connectionFile.toString())
                    .replace("{resource_dir}", resourceDir.toString()));
        }
        return command;
    }
}
