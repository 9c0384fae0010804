package io.quire.runtime.papermill.translator;

import io.quire.runtime.papermill.PythonText;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map.Entry;
import java.util.stream.Collectors;

/** Julia: {@code nothing}, {@code [...]}, {@code Dict("k" => v)}. */
public final class JuliaTranslator extends Translator {

    @Override
    public String language() {
        return "Julia";
    }

    @Override
    protected String translateNone() {
        return "nothing";
    }

    @Override
    protected String translateDict(List<Entry<String, JsonNode>> entries) {
        return entries.stream().map(e -> translateString(e.getKey()) + " => " + translate(e.getValue()))
                .collect(Collectors.joining(", ", "Dict(", ")"));
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
