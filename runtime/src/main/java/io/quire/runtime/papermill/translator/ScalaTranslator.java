package io.quire.runtime.papermill.translator;

import io.quire.runtime.papermill.PythonText;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.util.List;
import java.util.Map.Entry;
import java.util.stream.Collectors;

/** Scala (and Spark): {@code val name = ...}, {@code Seq(...)}, {@code Map("k" -> v)}, {@code L} on 64-bit ints. */
public final class ScalaTranslator extends Translator {

    @Override
    public String language() {
        return "Scala";
    }

    @Override
    protected String translateInt(BigInteger value) {
        return outsideInt32(value) ? value + "L" : value.toString();
    }

    @Override
    protected String translateDict(List<Entry<String, JsonNode>> entries) {
        return entries.stream().map(e -> translateString(e.getKey()) + " -> " + translate(e.getValue()))
                .collect(Collectors.joining(", ", "Map(", ")"));
    }

    @Override
    protected String translateList(List<JsonNode> items) {
        return "Seq(" + join(items, ", ") + ")";
    }

    @Override
    protected String comment(String text) {
        return PythonText.strip("// " + text);
    }

    @Override
    protected String assign(String name, String value) {
        return "val " + name + " = " + value;
    }
}
