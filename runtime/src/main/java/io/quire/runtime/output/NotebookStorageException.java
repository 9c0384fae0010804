package io.quire.runtime.output;

/** Reading or writing a notebook in a store failed; the message says where, why, and what to do about it. */
public class NotebookStorageException extends RuntimeException {

    public NotebookStorageException(String message) {
        super(message);
    }

    public NotebookStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
