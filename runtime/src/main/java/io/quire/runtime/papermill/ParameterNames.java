package io.quire.runtime.papermill;

/**
 * What a parameter may be called: an identifier (a letter or underscore, then letters, digits and underscores,
 * Unicode letters included, as Python's {@code str.isidentifier}), since the name becomes a variable in the
 * injected cell.
 */
public final class ParameterNames {

    private ParameterNames() {
    }

    /** Whether {@code name} can be a parameter's name. */
    public static boolean isValid(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        int first = name.codePointAt(0);
        if (first != '_' && !Character.isUnicodeIdentifierStart(first)) {
            return false;
        }
        return name.codePoints().allMatch(c -> c == '_'
                || (Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c)));
    }

    /**
     * @param source how to name where the name came from, e.g. {@code -p}
     * @return {@code name}, when valid
     * @throws InvalidParametersException naming the source when it is not
     */
    public static String check(String name, String source) {
        if (!isValid(name)) {
            throw new InvalidParametersException(source + ": " + (name == null || name.isEmpty() ? "an empty name"
                    : "'" + name + "'") + " is not a valid parameter name: use letters, digits and underscores,"
                    + " not starting with a digit");
        }
        return name;
    }
}
