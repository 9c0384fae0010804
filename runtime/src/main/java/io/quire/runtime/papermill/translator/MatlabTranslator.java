package io.quire.runtime.papermill.translator;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.runtime.papermill.PythonText;

import java.util.List;
import java.util.Map.Entry;
import java.util.stream.Collectors;

/**
 * Matlab: statements end with {@code ;}, strings double their quotes, null is {@code NaN}, lists are cell arrays,
 * dicts {@code containers.Map({'k'}, {v})} with char-array keys.
 */
public final class MatlabTranslator extends Translator {

    @Override
    public String language() {
        return "Matlab";
    }

    @Override
    protected String escapedString(String value) {
        return '"' + PythonText.unicodeEscape(value).replace("\"", "\"\"") + '"';
    }

    private static String charArray(String value) {
        return '\'' + PythonText.unicodeEscape(value).replace("'", "''") + '\'';
    }

    @Override
    protected String translateNone() {
        return "NaN";
    }

    @Override
    protected String translateDict(List<Entry<String, JsonNode>> entries) {
        String keys = entries.stream().map(e -> charArray(e.getKey())).collect(Collectors.joining(", "));
        String values = entries.stream().map(e -> translate(e.getValue())).collect(Collectors.joining(", "));
        return "containers.Map({" + keys + "}, {" + values + "})";
    }

    @Override
    protected String translateList(List<JsonNode> items) {
        return "{" + join(items, ", ") + "}";
    }

    @Override
    protected String comment(String text) {
        return PythonText.strip("% " + text);
    }

    @Override
    protected String statement(String assignment) {
        return assignment + ";";
    }
}
