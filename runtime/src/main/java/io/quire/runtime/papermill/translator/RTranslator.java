package io.quire.runtime.papermill.translator;

import io.quire.runtime.papermill.PythonText;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map.Entry;
import java.util.stream.Collectors;

/**
 * R (and SparkR): {@code NULL}, {@code TRUE}/{@code FALSE}, lists as {@code list(...)}, dicts as
 * {@code list("k" = v)}. Leading underscores are dropped from names, since R names cannot start with one.
 */
public final class RTranslator extends Translator {

    @Override
    public String language() {
        return "R";
    }

    @Override
    protected String translateNone() {
        return "NULL";
    }

    @Override
    protected String translateBool(boolean value) {
        return value ? "TRUE" : "FALSE";
    }

    @Override
    protected String translateDict(List<Entry<String, JsonNode>> entries) {
        return entries.stream().map(e -> translateString(e.getKey()) + " = " + translate(e.getValue()))
                .collect(Collectors.joining(", ", "list(", ")"));
    }

    @Override
    protected String translateList(List<JsonNode> items) {
        return "list(" + join(items, ", ") + ")";
    }

    @Override
    protected String comment(String text) {
        return PythonText.strip("# " + text);
    }

    @Override
    protected String assign(String name, String value) {
        int start = 0;
        while (start < name.length() && name.charAt(start) == '_') {
            start++;
        }
        return name.substring(start) + " = " + value;
    }
}
