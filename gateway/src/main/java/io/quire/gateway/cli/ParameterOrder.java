package io.quire.gateway.cli;

import io.quire.runtime.papermill.ParameterSources;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameter options of {@code quire run} in the order they were given on the command line, so that a later
 * one wins whatever its kind ({@code -p}, {@code -r}, {@code -y}, {@code -b}, {@code -f}). picocli groups values
 * per option; its list of matched options keeps the command line's order, one entry per occurrence.
 */
final class ParameterOrder {

    private ParameterOrder() {
    }

    static ParameterSources sources(ParseResult parsed) {
        ParameterSources sources = new ParameterSources();
        Map<OptionSpec, Integer> taken = new HashMap<>();
        for (OptionSpec option : parsed.matchedOptions()) {
            List<String> values = option.stringValues();
            int at = taken.getOrDefault(option, 0);
            switch (option.longestName()) {
                case "--parameters" -> sources.parameter(values.get(at), values.get(at + 1));
                case "--parameters_raw" -> sources.raw(values.get(at), values.get(at + 1));
                case "--parameters_yaml" -> sources.yaml(values.get(at));
                case "--parameters_base64" -> sources.base64Yaml(values.get(at));
                case "--parameters_file" -> sources.file(Path.of(values.get(at)));
                default -> {
                    continue;
                }
            }
            taken.put(option, at + option.arity().min());
        }
        return sources;
    }
}
