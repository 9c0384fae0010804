package io.quire.runtime.papermill.translator;

import io.quire.domain.nbformat.PythonFloat;
import com.fasterxml.jackson.databind.JsonNode;
import io.quire.runtime.papermill.InvalidParametersException;
import io.quire.runtime.papermill.PythonText;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.stream.Collectors;

/**
 * Writes parameter values as source code of one language, as papermill's translators do: a comment line, then one
 * assignment per parameter. Each language overrides how it spells null, booleans, numbers, strings, lists and
 * dicts; the defaults are papermill's ({@code str()} of numbers, {@code true}/{@code false}, strings through
 * {@code unicode_escape} in double quotes).
 *
 * <p>Stateless and thread-safe.
 */
public abstract class Translator {

    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);

    /** The name users know the language by, for messages ("Python", "R"...). */
    public abstract String language();

    /**
     * The injected cell's source: {@code comment} as a comment line, then one assignment line per parameter, each
     * ending in a newline.
     *
     * @throws InvalidParametersException naming the parameter when a value cannot be written in this language
     */
    public String codify(Map<String, JsonNode> parameters, String comment) {
        StringBuilder content = new StringBuilder(comment(comment)).append('\n');
        for (Entry<String, JsonNode> parameter : parameters.entrySet()) {
            String value;
            try {
                value = translate(parameter.getValue());
            } catch (InvalidParametersException e) {
                throw new InvalidParametersException("parameter '" + parameter.getKey() + "': " + e.getMessage(), e);
            }
            content.append(statement(assign(parameter.getKey(), value))).append('\n');
        }
        return content.toString();
    }

    /** One value as an expression of this language. */
    public String translate(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return translateNone();
        } else if (value.isTextual()) {
            return translateString(value.textValue());
        } else if (value.isBoolean()) {
            return translateBool(value.booleanValue());
        } else if (value.isIntegralNumber()) {
            return translateInt(value.bigIntegerValue());
        } else if (value.isNumber()) {
            return translateFloat(value.doubleValue());
        } else if (value.isObject()) {
            List<Entry<String, JsonNode>> entries = new ArrayList<>();
            value.properties().forEach(entries::add);
            return translateDict(entries);
        } else if (value.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            value.forEach(items::add);
            return translateList(items);
        }
        // papermill's last resort for types JSON does not have
        return escapedString(value.asText());
    }

    protected String translateNone() {
        return "None";
    }

    protected String translateString(String value) {
        return escapedString(value);
    }

    protected String translateBool(boolean value) {
        return value ? "true" : "false";
    }

    protected String translateInt(BigInteger value) {
        return value.toString();
    }

    protected String translateFloat(double value) {
        return PythonFloat.repr(value);
    }

    protected String translateDict(List<Entry<String, JsonNode>> entries) {
        throw new InvalidParametersException(language() + " parameters cannot be dicts (papermill has no translation"
                + " for them): pass the entries as separate parameters");
    }

    protected String translateList(List<JsonNode> items) {
        throw new InvalidParametersException(language() + " parameters cannot be lists (papermill has no translation"
                + " for them): pass the items as separate parameters");
    }

    /** The comment line, without its newline. */
    protected abstract String comment(String text);

    protected String assign(String name, String value) {
        return name + " = " + value;
    }

    /** A statement as it ends its line (Matlab adds a semicolon). */
    protected String statement(String assignment) {
        return assignment;
    }

    /** papermill's default string: {@code unicode_escape}, double quotes escaped with a backslash. */
    protected String escapedString(String value) {
        return '"' + PythonText.unicodeEscape(value).replace("\"", "\\\"") + '"';
    }

    /** Items translated and joined by {@code separator}. */
    protected final String join(List<JsonNode> items, String separator) {
        return items.stream().map(this::translate).collect(Collectors.joining(separator));
    }

    /** Whether a 64-bit literal needs the {@code L} suffix (Scala, C#, F#). */
    protected static boolean outsideInt32(BigInteger value) {
        return value.compareTo(INT_MAX) > 0 || value.compareTo(INT_MIN) < 0;
    }
}
