package io.quire.domain.notebook.text;

/** An operation was applied to, or transformed against, a text it was not written for. */
public class TextMismatchException extends IllegalArgumentException {

    public TextMismatchException(String message) {
        super(message);
    }
}
