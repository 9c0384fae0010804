package io.quire.runtime.papermill;

import java.util.List;

/**
 * What a notebook's parameters cell declares.
 *
 * @param parameters the declared parameters in source order (empty when nothing could be inferred)
 * @param notice     for a person, when nothing could be inferred: why; null otherwise
 */
public record ParameterInspection(List<DeclaredParameter> parameters, String notice) {

    /** papermill's words when it finds no parameters. */
    public static final String NOTHING_INFERRED =
            "Can't infer anything about this notebook's parameters. It may not have any parameter defined.";

    public ParameterInspection {
        parameters = List.copyOf(parameters);
    }
}
