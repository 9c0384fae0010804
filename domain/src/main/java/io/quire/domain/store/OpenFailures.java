package io.quire.domain.store;

import org.h2.api.ErrorCode;

import java.sql.SQLException;

/**
 * Turns the driver's reason for not opening the event database into a message a person can act on. The driver's
 * exception stays attached as the cause.
 */
final class OpenFailures {

    private OpenFailures() {
    }

    /**
     * @param location what the person named: the data directory, or the URL without its password
     * @param failure  what the pool or driver threw
     */
    static EventDatabaseException explain(DatabaseKind kind, String location, Throwable failure) {
        SQLException sql = findSqlException(failure);
        String reason = sql == null ? String.valueOf(failure.getMessage()) : firstLine(sql.getMessage());
        String message = switch (kind) {
            case H2 -> explainH2(location, sql, reason);
            case POSTGRESQL -> explainPostgres(location, sql, reason);
        };
        return new EventDatabaseException(message, failure);
    }

    private static String explainH2(String location, SQLException sql, String reason) {
        int code = sql == null ? 0 : sql.getErrorCode();
        return switch (code) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> "another Quire process is using " + location
                    + "; stop it or use another --data";
            case ErrorCode.FILE_VERSION_ERROR_1 -> "the event database in " + location
                    + " was written by another H2 version (" + reason + "); open it with the Quire release that"
                    + " wrote it, or export and re-import it";
            case ErrorCode.FILE_CORRUPTED_1 -> "the event database in " + location + " is damaged (" + reason
                    + "); restore it from a backup";
            case ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2 -> "cannot read or write the event database"
                    + " in " + location + " (" + reason + "); check that the directory exists, is writable and has"
                    + " free space";
            default -> "cannot open the event database in " + location + ": " + reason;
        };
    }

    private static String explainPostgres(String location, SQLException sql, String reason) {
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("08")) {
            return "cannot reach PostgreSQL at " + location + " (" + reason + "); check that the server is running"
                    + " and that the host and port are right";
        }
        if (state.equals("3D000")) {
            return "PostgreSQL has no such database (" + reason + "); create it (createdb NAME) or fix the database"
                    + " name in " + location;
        }
        if (state.startsWith("28")) {
            return "PostgreSQL refused the login (" + reason + "); check the user and password for " + location;
        }
        return "cannot open the event database at " + location + ": " + reason;
    }

    private static SQLException findSqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    // H2 appends the SQL statement and PostgreSQL a server hint on further lines; the first line is the reason.
    private static String firstLine(String text) {
        if (text == null) {
            return "no reason given";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
