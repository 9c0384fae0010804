package io.quire.domain.store;

/**
 * The event database cannot be opened or used as asked. The message is written for the person running Quire: it
 * says what is wrong and what to do about it, and never contains a password. The cause, when there is one, is the
 * driver's own exception.
 */
public class EventDatabaseException extends RuntimeException {

    public EventDatabaseException(String message) {
        super(message);
    }

    public EventDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
