package io.quire.domain.nbformat;

import java.util.regex.Pattern;

/**
 * Where the reader is in a notebook document, for error messages: the document's name and a path such as
 * {@code cells[2].outputs[0].data["image/png"]}.
 */
record Location(String sourceName, String path) {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The whole document. */
    static Location root(String sourceName) {
        return new Location(sourceName, "");
    }

    /** The value of {@code key} in the object at this location. */
    Location key(String key) {
        // Mime types and attachment names hold '/', '.' and '+': quote them so the path stays unambiguous.
        String step = PLAIN_KEY.matcher(key).matches() ? key : "[\"" + key + "\"]";
        if (path.isEmpty() || step.startsWith("[")) {
            return new Location(sourceName, path + step);
        }
        return new Location(sourceName, path + "." + step);
    }

    /** The element at {@code index} of the array at this location. */
    Location index(int index) {
        return new Location(sourceName, path + "[" + index + "]");
    }

    /** The exception that refuses the document because of {@code problem} here; the caller throws it. */
    InvalidNotebookException fail(String problem) {
        return new InvalidNotebookException(sourceName, path, problem);
    }
}
