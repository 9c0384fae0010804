package io.quire.domain;

/**
 * A command the domain refuses, with a message a person can act on. Nothing was recorded.
 * The {@link Reason} lets the gateway answer with the matching HTTP status.
 */
public class CommandRejectedException extends RuntimeException {

    /** Why a command was refused. */
    public enum Reason {
        /** The command names something that does not exist (404). */
        NOT_FOUND,
        /** The command conflicts with the current state, e.g. a name already taken (409). */
        CONFLICT,
        /** The command itself is malformed (400). */
        INVALID
    }

    private final Reason reason;

    public CommandRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static CommandRejectedException notFound(String message) {
        return new CommandRejectedException(Reason.NOT_FOUND, message);
    }

    public static CommandRejectedException conflict(String message) {
        return new CommandRejectedException(Reason.CONFLICT, message);
    }

    public static CommandRejectedException invalid(String message) {
        return new CommandRejectedException(Reason.INVALID, message);
    }
}
