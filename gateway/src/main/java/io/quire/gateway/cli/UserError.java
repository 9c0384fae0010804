package io.quire.gateway.cli;

/** Something the user asked for that cannot be done; the message says what to change. */
final class UserError extends RuntimeException {

    UserError(String message) {
        super(message);
    }

    UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
