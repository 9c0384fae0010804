package io.quire.projections.jdbc;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Many rows into a PostgreSQL table with {@code COPY ... FROM STDIN} (CSV): the server parses no statement and
 * binds no parameter per row, which is most of what a multi-row {@code INSERT} costs it. Used by {@link Sql#insert}
 * for large row sets (a rebuild's version rows).
 */
final class PostgresCopy {

    private PostgresCopy() {
    }

    /**
     * @param into {@code table (column, ...)}
     * @param rows values of the types {@link Sql} binds: String, Long, Integer, Boolean, Instant, null
     */
    static void copy(Connection connection, String into, List<Object[]> rows) throws SQLException {
        StringBuilder csv = new StringBuilder(rows.size() * 96);
        for (Object[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    csv.append(',');
                }
                appendValue(csv, row[c]);
            }
            csv.append('\n');
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + into + " FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new SQLException("cannot stream rows to COPY " + into, e);
        }
    }

    private static void appendValue(StringBuilder csv, Object value) {
        if (value == null) {
            return; // an unquoted empty field is NULL in CSV
        }
        if (value instanceof String text) {
            csv.append('"');
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '"') {
                    csv.append('"');
                }
                csv.append(ch);
            }
            csv.append('"');
        } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            csv.append(value);
        } else if (value instanceof Instant instant) {
            csv.append(Sql.toMicros(instant)); // ISO-8601 with Z, as timestamptz reads it
        } else {
            throw new IllegalArgumentException("cannot COPY a value of " + value.getClass());
        }
    }
}
