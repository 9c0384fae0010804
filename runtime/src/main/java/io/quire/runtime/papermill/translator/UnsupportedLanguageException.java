package io.quire.runtime.papermill.translator;

/**
 * A notebook whose parameters Quire cannot write: no kernel name or language in its metadata and none given, or a
 * kernel and language no translator handles. The message lists what is supported.
 */
public class UnsupportedLanguageException extends RuntimeException {

    /** @param message what was missing or unknown, and what to do */
    public UnsupportedLanguageException(String message) {
        super(message);
    }
}
