package io.quire.runtime.papermill;

/**
 * One parameter a notebook's parameters cell declares, as papermill's {@code inspect} reports it.
 *
 * @param name     the variable's name
 * @param typeName the annotation or type comment ({@code float}, {@code List[str]}), {@code "None"} when there is
 *                 neither
 * @param defaultSource the default value's source text, comments removed, lines joined
 * @param help     the comment after the definition, or empty
 */
public record DeclaredParameter(String name, String typeName, String defaultSource, String help) {
}
