package io.quire.runtime.papermill.translator;

import io.quire.domain.nbformat.PythonFloat;
import io.quire.runtime.papermill.PythonText;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map.Entry;
import java.util.stream.Collectors;

/**
 * Python (and PySpark): {@code None}, {@code True}/{@code False}, {@code repr} of floats with
 * {@code float('nan')}, {@code float('inf')}, {@code float('-inf')}, lists and dicts with papermill's spacing.
 * papermill formats the cell with Black when Black is installed; Quire does not (Black is usually absent).
 */
public final class PythonTranslator extends Translator {

    @Override
    public String language() {
        return "Python";
    }

    @Override
    protected String translateBool(boolean value) {
        return value ? "True" : "False";
    }

    @Override
    protected String translateFloat(double value) {
        if (Double.isNaN(value)) {
            return "float('nan')";
        }
        if (Double.isInfinite(value)) {
            return value < 0 ? "float('-inf')" : "float('inf')";
        }
        return PythonFloat.repr(value);
    }

    @Override
    protected String translateDict(List<Entry<String, JsonNode>> entries) {
        return entries.stream().map(e -> translateString(e.getKey()) + ": " + translate(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    @Override
    protected String translateList(List<JsonNode> items) {
        return "[" + join(items, ", ") + "]";
    }

    @Override
    protected String comment(String text) {
        return PythonText.strip("# " + text);
    }
}
