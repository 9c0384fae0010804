package io.quire.domain.nbformat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The nbformat version a document declares, checked: major 4, any minor. Like nbformat, later 4.x minors are
 * read too (minor versions only ever add to the format), with the schema relaxed as nbformat relaxes it.
 */
record NotebookVersion(int major, int minor) {

    /** The version Quire writes, and the last one whose schema it knows. */
    static final int MAJOR = 4;
    static final int MINOR = 5;

    static NotebookVersion of(ObjectNode notebook, Location at) {
        JsonNode major = notebook.get("nbformat");
        if (major == null) {
            throw at.fail("not a notebook: no 'nbformat' version");
        }
        int declared = integer(major, at.key("nbformat"));
        if (declared < MAJOR) {
            throw at.fail("nbformat " + declared + " is not supported: convert it with"
                    + " `jupyter nbconvert --to notebook --nbformat 4`");
        }
        if (declared > MAJOR) {
            throw at.fail("nbformat " + declared + " is not supported: Quire reads nbformat 4 (4.0 and later)");
        }
        JsonNode minor = notebook.get("nbformat_minor");
        if (minor == null) {
            throw at.fail("not a notebook: no 'nbformat_minor' version");
        }
        return new NotebookVersion(declared, integer(minor, at.key("nbformat_minor")));
    }

    /** Whether cells must carry ids (4.5 and later). */
    boolean requiresCellIds() {
        return minor >= 5;
    }

    /**
     * Whether the document comes from a later minor than 4.5. nbformat then allows keys it does not know
     * (relaxing {@code additionalProperties}); Quire drops them, as a 4.5 file has no place for them.
     */
    boolean isLaterThanSupported() {
        return minor > MINOR;
    }

    private static int integer(JsonNode node, Location at) {
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            throw at.fail("expected a non-negative integer, found " + JsonChecks.describe(node));
        }
        return node.intValue();
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
