package io.quire.runtime.papermill;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quire's strict mode, which papermill lacks: a run's parameters must be ones the notebook's parameters cell
 * declares, with values of the declared type (see {@link ParametersCell} for what is declared). papermill only
 * warns about unknown names and injects any value.
 */
public final class StrictParameters {

    private StrictParameters() {
    }

    /**
     * @param declarations what the notebook declares ({@link ParametersCell#inspect})
     * @param parameters   the run's parameters
     * @throws InvalidParametersException listing every unknown name and every value of the wrong type
     */
    public static void check(List<DeclaredParameter> declarations, Map<String, JsonNode> parameters) {
        Map<String, DeclaredParameter> declared = new LinkedHashMap<>();
        declarations.forEach(parameter -> declared.putIfAbsent(parameter.name(), parameter));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            DeclaredParameter declaration = declared.get(name);
            if (declaration == null) {
                problems.add("unknown parameter '" + name + "': " + (declared.isEmpty()
                        ? "the notebook declares none (no parameters found in a cell tagged 'parameters')"
                        : "the notebook declares " + String.join(", ", declared.keySet())));
                continue;
            }
            DeclaredType type = DeclaredType.of(declaration);
            if (!type.accepts(parameter.getValue())) {
                problems.add("parameter '" + name + "' takes " + type.describe() + " (declared "
                        + (declaration.typeName().equals("None") ? "" : declaration.typeName() + " ")
                        + "with default " + declaration.defaultSource() + ") but was given "
                        + DeclaredType.Kind.of(parameter.getValue()).python + " " + abbreviate(parameter.getValue()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidParametersException("the parameters do not match the notebook's parameters cell"
                    + " (strict mode): " + String.join("; ", problems)
                    + ". Fix the parameters, declare them in the notebook, or run without strict mode.");
        }
    }

    private static String abbreviate(JsonNode value) {
        String text = String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
