package io.quire.gateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

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

    private final Path path;
    private final Properties file;

    private QuireDefaults(Path path, Properties file) {
        this.path = path;
        this.file = file;
    }

    /** The user's home directory: {@code $HOME} as the shell has it, else the JVM's (the password file's). */
    static Path home(Map<String, String> environment) {
        String home = environment.get("HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"));
    }

    /** @throws IllegalArgumentException when the config file exists but cannot be read */
    static QuireDefaults load(Map<String, String> environment) {
        String configured = environment.get("QUIRE_CONFIG");
        Path path = configured != null && !configured.isBlank() ? Path.of(configured)
                : home(environment).resolve(".quire").resolve("quire.properties");
        Properties properties = new Properties();
        if (Files.isRegularFile(path)) {
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot read the config file " + path + ": "
                        + (e instanceof IOException io ? FileErrors.why(io) : e.getMessage()), e);
            }
        } else if (configured != null && !configured.isBlank()) {
            throw new IllegalArgumentException("QUIRE_CONFIG names " + path + ", which is not a file");
        }
        return new QuireDefaults(path, properties);
    }

    /**
     * Refuses a config file that names no option of {@code commandLine}'s commands, or gives a number option a value
     * that is no number: picocli would otherwise ignore the first and report the second as wrong usage, with the
     * usage text and without naming the file.
     *
     * @throws IllegalArgumentException naming the file, the key and what to do
     */
    void check(CommandLine commandLine) {
        Map<String, List<OptionSpec>> options = new HashMap<>();
        collectOptions(commandLine, options);
        for (String key : new TreeSet<>(file.stringPropertyNames())) {
            List<OptionSpec> named = options.get(key);
            if (named == null) {
                throw new IllegalArgumentException("the config file " + path + " sets '" + key + "', which is no"
                        + " option of quire: use an option's long name, alone or after its command (port, serve.port);"
                        + " see quire COMMAND --help");
            }
            String value = file.getProperty(key).trim();
            for (OptionSpec option : named) {
                Class<?> type = option.typeInfo().getType();
                if (isWholeNumber(type) && !value.matches("-?\\d+")) {
                    throw new IllegalArgumentException("the config file " + path + " sets " + key + "=" + value
                            + ", but " + option.longestName() + " takes a whole number");
                }
            }
        }
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class;
    }

    /** Each option by its long name without dashes, and by that name after its command's ("serve.port"). */
    private static void collectOptions(CommandLine commandLine, Map<String, List<OptionSpec>> options) {
        String command = commandLine.getCommandName();
        for (OptionSpec option : commandLine.getCommandSpec().options()) {
            String key = option.longestName().replaceFirst("^-+", "");
            options.computeIfAbsent(key, k -> new ArrayList<>()).add(option);
            options.computeIfAbsent(command + "." + key, k -> new ArrayList<>()).add(option);
        }
        commandLine.getSubcommands().values().forEach(sub -> collectOptions(sub, options));
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
