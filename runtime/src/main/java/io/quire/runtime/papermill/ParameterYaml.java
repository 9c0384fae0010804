package io.quire.runtime.papermill;

import io.quire.domain.nbformat.PythonFloat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parameters written in YAML (papermill's {@code -y}, {@code -b} and {@code -f}), read as papermill reads them:
 * PyYAML's safe loader (YAML 1.1 scalars: {@code yes}/{@code on} are booleans, {@code 1e5} is a string,
 * {@code 0o7} a string but {@code 07} octal) without its timestamp rule, so dates stay strings. JSON is YAML, so JSON
 * files read the same way.
 *
 * <p>Thread-safe: every call uses its own parser.
 */
public final class ParameterYaml {

    private ParameterYaml() {
    }

    /**
     * The mapping a YAML document holds, in document order; an empty document is an empty mapping.
     *
     * @param source how to name the text in messages, e.g. {@code -f params.yaml}
     * @throws InvalidParametersException when the text is not YAML, is not a mapping, or holds values JSON cannot
     */
    public static LinkedHashMap<String, JsonNode> read(String text, String source) {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(new DumperOptions()),
                    new DumperOptions(), new LoaderOptions(), new PyYamlScalars()).load(text);
        } catch (YAMLException e) {
            throw new InvalidParametersException(source + ": not valid YAML (" + firstLine(e.getMessage())
                    + "): write parameters as `name: value` lines, or as a JSON object", e);
        }
        LinkedHashMap<String, JsonNode> parameters = new LinkedHashMap<>();
        if (document == null) {
            return parameters;
        }
        if (!(document instanceof Map<?, ?> mapping)) {
            throw new InvalidParametersException(source + ": the YAML holds " + describe(document)
                    + ", not a mapping of parameter names to values: write `name: value` lines");
        }
        for (Map.Entry<?, ?> entry : mapping.entrySet()) {
            String name = ParameterNames.check(entry.getKey() instanceof String s ? s : pythonStr(entry.getKey()),
                    source);
            parameters.put(name, json(entry.getValue(), source + ", parameter '" + name + "'"));
        }
        return parameters;
    }

    private static JsonNode json(Object value, String where) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null) {
            return nodes.nullNode();
        } else if (value instanceof String s) {
            return nodes.textNode(s);
        } else if (value instanceof Boolean b) {
            return nodes.booleanNode(b);
        } else if (value instanceof Integer i) {
            return nodes.numberNode(i);
        } else if (value instanceof Long l) {
            return nodes.numberNode(l);
        } else if (value instanceof BigInteger b) {
            return nodes.numberNode(b);
        } else if (value instanceof Double d) {
            return nodes.numberNode(d);
        } else if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            // papermill writes non-string keys with Python's str(), so 1 becomes "1" and True "True".
            map.forEach((key, item) -> object.set(key instanceof String s ? s : pythonStr(key),
                    json(item, where)));
            return object;
        } else if (value instanceof List<?> list) {
            ArrayNode array = nodes.arrayNode();
            list.forEach(item -> array.add(json(item, where)));
            return array;
        }
        throw new InvalidParametersException(where + ": a YAML " + describe(value) + " has no JSON form: use a"
                + " string, number, boolean, null, list or mapping");
    }

    private static String pythonStr(Object key) {
        if (key == null) {
            return "None";
        } else if (key instanceof Boolean b) {
            return b ? "True" : "False";
        } else if (key instanceof Double d) {
            return PythonFloat.repr(d);
        }
        return String.valueOf(key);
    }

    private static String describe(Object value) {
        if (value instanceof List<?>) {
            return "a list";
        } else if (value instanceof String s) {
            return "the string '" + s + "'";
        } else if (value instanceof byte[]) {
            return "!!binary value";
        }
        return "a " + value.getClass().getSimpleName().toLowerCase() + " (" + value + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.lines().findFirst().orElse(message).strip();
    }

    /** PyYAML's YAML 1.1 implicit resolvers, minus timestamps (papermill's {@code NoDatesSafeLoader}). */
    private static final class PyYamlScalars extends Resolver {

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile(
                    "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"),
                    "yYnNtTfFoO");
            addImplicitResolver(Tag.FLOAT, Pattern.compile("^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
                    + "|[-+]?\\.(?:inf|Inf|INF)"
                    + "|\\.(?:nan|NaN|NAN))$"), "-+0123456789.");
            addImplicitResolver(Tag.INT, Pattern.compile("^(?:[-+]?0b[0-1_]+"
                    + "|[-+]?0[0-7_]+"
                    + "|[-+]?(?:0|[1-9][0-9_]*)"
                    + "|[-+]?0x[0-9a-fA-F_]+"
                    + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"), "-+0123456789");
            addImplicitResolver(Tag.MERGE, Pattern.compile("^(?:<<)$"), "<");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL|)$"), "~nN\0");
            addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
        }
    }
}
