package io.quire.projections.jdbc;

/** A read model could not be read or written; the cause says why. */
public class ProjectionStorageException extends RuntimeException {

    public ProjectionStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
