package io.quire.runtime.papermill.translator;

import io.quire.runtime.papermill.PythonText;
import com.fasterxml.jackson.databind.JsonNode;
import io.quire.runtime.papermill.InvalidParametersException;

import java.math.BigInteger;
import java.util.List;
import java.util.Map.Entry;
import java.util.stream.Collectors;

/** .NET C#: {@code var name = ...;}, arrays, untyped dictionaries; null has no translation, as in papermill. */
public final class CSharpTranslator extends Translator {

    @Override
    public String language() {
        return "C#";
    }

    @Override
    protected String translateNone() {
        throw new InvalidParametersException("C# parameters cannot be null (papermill has no translation for it):"
                + " give a value, or leave the parameter out to keep the notebook's default");
    }

    @Override
    protected String translateInt(BigInteger value) {
        return outsideInt32(value) ? value + "L" : value.toString();
    }

    @Override
    protected String translateDict(List<Entry<String, JsonNode>> entries) {
        return entries.stream().map(e -> "{ " + translateString(e.getKey()) + " , " + translate(e.getValue()) + " }")
                .collect(Collectors.joining(", ", "new Dictionary<string,Object>{ ", " }"));
    }

    @Override
    protected String translateList(List<JsonNode> items) {
        return "new [] { " + join(items, ", ") + " }";
    }

    @Override
    protected String comment(String text) {
        return PythonText.strip("// " + text);
    }

    @Override
    protected String assign(String name, String value) {
        return "var " + name + " = " + value + ";";
    }
}
