package io.quire.runtime.papermill;

/**
 * Parameters a run cannot take: a parameter file that cannot be read, YAML that is not a mapping, a name that is
 * not an identifier, a value the notebook's language cannot express, or (strict mode) a name or type the notebook
 * does not declare. The message names the source and says what to do.
 */
public class InvalidParametersException extends RuntimeException {

    /** @param message what was wrong, where, and what to do */
    public InvalidParametersException(String message) {
        super(message);
    }

    /** @param message what was wrong, where, and what to do; @param cause the underlying failure */
    public InvalidParametersException(String message, Throwable cause) {
        super(message, cause);
    }
}
