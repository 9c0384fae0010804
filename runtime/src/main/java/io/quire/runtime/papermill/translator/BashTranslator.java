package io.quire.runtime.papermill.translator;

import io.quire.runtime.papermill.PythonText;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Bash: {@code name=value} with strings quoted as Python's {@code shlex.quote} does, null as the empty word, lists
 * as arrays {@code (a b)}; dicts have no translation, as in papermill.
 */
public final class BashTranslator extends Translator {

    /** shlex's safe characters (ASCII word characters and {@code @%+=:,./-}): no quoting needed. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    @Override
    public String language() {
        return "Bash";
    }

    @Override
    protected String translateNone() {
        return "";
    }

    @Override
    protected String escapedString(String value) {
        if (value.isEmpty()) {
            return "''";
        }
        if (SAFE.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }

    @Override
    protected String translateList(List<JsonNode> items) {
        return "(" + join(items, " ") + ")";
    }

    @Override
    protected String comment(String text) {
        return PythonText.strip("# " + text);
    }

    @Override
    protected String assign(String name, String value) {
        return name + "=" + value;
    }
}
