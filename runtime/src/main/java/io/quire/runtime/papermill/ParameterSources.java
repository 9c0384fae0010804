package io.quire.runtime.papermill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.ByteBuffer;

/**
 * A run's parameters as given on a command line, papermill's way: {@code -p NAME VALUE} (typed as
 * {@link CommandLineValue}), {@code -r NAME VALUE} (a raw string), {@code -y YAML}, {@code -b BASE64_YAML} and
 * {@code -f FILE} (YAML or JSON). Each source is checked when added; a file is read when added.
 *
 * <p>{@link #resolve()} applies the sources in the order they were added, later ones winning for the same name.
 * papermill itself applies them by kind ({@code -b}, then {@code -f}, {@code -y}, {@code -p}, {@code -r}, each in
 * command-line order): {@link #resolveAsPapermill()} does that, for command lines that rely on it.
 *
 * <p>Not thread-safe: build one per command line.
 */
public final class ParameterSources {

    /** The kinds of source, in the order papermill applies them. */
    private enum Kind { BASE64, FILE, YAML, TYPED, RAW }

    private record Source(Kind kind, LinkedHashMap<String, JsonNode> parameters) {
    }

    private final List<Source> sources = new ArrayList<>();

    /**
     * {@code -p NAME VALUE}: {@code value} typed as papermill's CLI types it.
     *
     * @throws InvalidParametersException when {@code name} is not an identifier
     */
    public ParameterSources parameter(String name, String value) {
        return add(Kind.TYPED, name, CommandLineValue.resolve(value), "-p");
    }

    /**
     * {@code -r NAME VALUE}: {@code value} as a string, whatever it looks like.
     *
     * @throws InvalidParametersException when {@code name} is not an identifier
     */
    public ParameterSources raw(String name, String value) {
        return add(Kind.RAW, name, JsonNodeFactory.instance.textNode(value), "-r");
    }

    /**
     * {@code -y YAML}: a YAML mapping of names to values.
     *
     * @throws InvalidParametersException when the text is not a YAML mapping of identifiers to values
     */
    public ParameterSources yaml(String yaml) {
        sources.add(new Source(Kind.YAML, ParameterYaml.read(yaml, "-y " + abbreviate(yaml))));
        return this;
    }

    /**
     * {@code -b BASE64}: a YAML mapping, base64-encoded (UTF-8).
     *
     * @throws InvalidParametersException when the text is not base64 of a YAML mapping
     */
    public ParameterSources base64Yaml(String base64) {
        String source = "-b " + abbreviate(base64);
        byte[] bytes;
        try {
            // Whitespace is allowed (wrapped lines); any other stray character is refused, not skipped.
            bytes = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidParametersException(source + ": not base64 (" + e.getMessage() + "): encode the YAML"
                    + " with `base64 -w0`", e);
        }
        sources.add(new Source(Kind.BASE64, ParameterYaml.read(utf8(bytes, source), source)));
        return this;
    }

    /**
     * {@code -f FILE}: a YAML or JSON file holding a mapping of names to values, read now.
     *
     * @throws InvalidParametersException when the file cannot be read or does not hold such a mapping
     */
    public ParameterSources file(Path file) {
        String source = "-f " + file;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidParametersException(source + ": cannot read the parameters file (" + e + "): check"
                    + " that the path exists, is a file and is readable", e);
        }
        sources.add(new Source(Kind.FILE, ParameterYaml.read(utf8(bytes, source), source)));
        return this;
    }

    /** The parameters, sources applied in the order they were added; a name keeps its first position. */
    public LinkedHashMap<String, JsonNode> resolve() {
        return merge(sources);
    }

    /** The parameters, sources applied as papermill's CLI applies them: by kind, then in order. */
    public LinkedHashMap<String, JsonNode> resolveAsPapermill() {
        List<Source> byKind = new ArrayList<>(sources);
        byKind.sort(Comparator.comparing(Source::kind)); // stable: command-line order within a kind
        return merge(byKind);
    }

    private static LinkedHashMap<String, JsonNode> merge(List<Source> ordered) {
        LinkedHashMap<String, JsonNode> parameters = new LinkedHashMap<>();
        for (Source source : ordered) {
            for (Map.Entry<String, JsonNode> parameter : source.parameters().entrySet()) {
                parameters.put(parameter.getKey(), parameter.getValue().deepCopy());
            }
        }
        return parameters;
    }

    private ParameterSources add(Kind kind, String name, JsonNode value, String option) {
        ParameterNames.check(name, option + " " + name);
        LinkedHashMap<String, JsonNode> one = new LinkedHashMap<>();
        one.put(name, value);
        sources.add(new Source(kind, one));
        return this;
    }

    private static String utf8(byte[] bytes, String source) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidParametersException(source + ": not UTF-8 text: save the parameters as UTF-8", e);
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace('\n', ' ');
        return "'" + (oneLine.length() > 40 ? oneLine.substring(0, 40) + "..." : oneLine) + "'";
    }
}
