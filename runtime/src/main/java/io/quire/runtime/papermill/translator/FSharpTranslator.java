package io.quire.runtime.papermill.translator;

import io.quire.runtime.papermill.PythonText;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.util.List;
import java.util.Map.Entry;
import java.util.stream.Collectors;

/** .NET F#: {@code let name = ...}, {@code [ a; b ]}, {@code [ ("k", v :> IComparable) ] |> Map.ofList}. */
public final class FSharpTranslator extends Translator {

    @Override
    public String language() {
        return "F#";
    }

    @Override
    protected String translateNone() {
        return "None";
    }

    @Override
    protected String translateInt(BigInteger value) {
        return outsideInt32(value) ? value + "L" : value.toString();
    }

    @Override
    protected String translateDict(List<Entry<String, JsonNode>> entries) {
        return entries.stream()
                .map(e -> "(" + translateString(e.getKey()) + ", " + translate(e.getValue()) + " :> IComparable)")
                .collect(Collectors.joining("; ", "[ ", " ] |> Map.ofList"));
    }

    @Override
    protected String translateList(List<JsonNode> items) {
        return "[ " + join(items, "; ") + " ]";
    }

    @Override
    protected String comment(String text) {
        return PythonText.strip("(* " + text + " *)");
    }

    @Override
    protected String assign(String name, String value) {
        return "let " + name + " = " + value;
    }
}
