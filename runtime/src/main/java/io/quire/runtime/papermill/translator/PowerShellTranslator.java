package io.quire.runtime.papermill.translator;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.runtime.papermill.PythonText;

import java.util.List;
import java.util.Map.Entry;
import java.util.stream.Collectors;

/**
 * .NET PowerShell: {@code $name = ...}, {@code $Null}, {@code $True}/{@code $False}, quotes escaped with a
 * backtick, {@code [double]::NaN} and the infinities, {@code @(...)} lists and {@code @{k = v}} hashtables.
 */
public final class PowerShellTranslator extends Translator {

    @Override
    public String language() {
        return "PowerShell";
    }

    @Override
    protected String escapedString(String value) {
        return '"' + PythonText.unicodeEscape(value).replace("\"", "`\"") + '"';
    }

    @Override
    protected String translateFloat(double value) {
        if (Double.isNaN(value)) {
            return "[double]::NaN";
        }
        if (Double.isInfinite(value)) {
            return value < 0 ? "[double]::NegativeInfinity" : "[double]::PositiveInfinity";
        }
        return super.translateFloat(value);
    }

    @Override
    protected String translateNone() {
        return "$Null";
    }

    @Override
    protected String translateBool(boolean value) {
        return value ? "$True" : "$False";
    }

    @Override
    protected String translateDict(List<Entry<String, JsonNode>> entries) {
        return entries.stream().map(e -> translateString(e.getKey()) + " = " + translate(e.getValue()))
                .collect(Collectors.joining("\n ", "@{", "}"));
    }

    @Override
    protected String translateList(List<JsonNode> items) {
        return "@(" + join(items, ", ") + ")";
    }

    @Override
    protected String comment(String text) {
        return PythonText.strip("# " + text);
    }

    @Override
    protected String assign(String name, String value) {
        return "$" + name + " = " + value;
    }
}
