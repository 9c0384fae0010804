package io.quire.gateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where an option's value comes from when its flag is not given: its environment variable, else the config file
 * ({@code $QUIRE_CONFIG}, else {@code ~/.quire/quire.properties}), else the built-in default. Keys in the file are
 * option names, optionally prefixed by the command: {@code port=9999} or {@code serve.port=9999}.
 */
final class QuireDefaults implements CommandLine.IDefaultValueProvider {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "--data", "QUIRE_DATA", "--db", "QUIRE_DB", "--token", "QUIRE_TOKEN", "--output-store", "QUIRE_OUTPUT_STORE",
            "--s3-endpoint", "QUIRE_S3_ENDPOINT");
    private static final Map<String, String> BUILT_IN = Map.of(
            "--host", "127.0.0.1", "--port", "8888", "--snapshot-every", "1000", "--kernel-pool", "1",
            "--cull-idle", "0");

    private final Properties file;

    private QuireDefaults(Properties file) {
        this.file = file;
    }

    /** @throws IllegalArgumentException when the config file exists but cannot be read */
    static QuireDefaults load(Map<String, String> environment) {
        String configured = environment.get("QUIRE_CONFIG");
        Path path = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".quire", "quire.properties");
        Properties properties = new Properties();
        if (Files.isRegularFile(path)) {
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot read the config file " + path + ": " + e.getMessage(), e);
            }
        } else if (configured != null && !configured.isBlank()) {
            throw new IllegalArgumentException("QUIRE_CONFIG names " + path + ", which is not a file");
        }
        return new QuireDefaults(properties);
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option)) {
            return null;
        }
        String name = option.longestName();
        String variable = ENVIRONMENT.get(name);
        if (variable != null && System.getenv(variable) != null && !System.getenv(variable).isBlank()) {
            return System.getenv(variable);
        }
        String key = name.replaceFirst("^-+", "");
        String command = option.command() == null ? "" : option.command().name();
        String value = file.getProperty(command + "." + key, file.getProperty(key));
        return value != null ? value.trim() : BUILT_IN.get(name);
    }
}
