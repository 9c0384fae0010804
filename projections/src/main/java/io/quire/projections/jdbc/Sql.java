package io.quire.projections.jdbc;

import org.axonframework.common.jdbc.ConnectionProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The projections' small JDBC toolkit. Connections come from the event store's {@link ConnectionProvider}, so a
 * projection's writes share the transaction in which its processor stores its token: a batch of events and the
 * read model change it caused commit together or not at all.
 */
public final class Sql {

    /** Rows per multi-row insert: most of the gain, and statements of a few hundred parameters. */
    private static final int ROWS_PER_INSERT = 100;

    private final ConnectionProvider connections;
    private final boolean postgres;

    public Sql(ConnectionProvider connections) {
        this.connections = connections;
        try (Connection connection = connections.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new ProjectionStorageException("cannot reach the projection database", e);
        }
    }

    /** The column type for large binary values on this database. */
    public String binaryType() {
        return postgres ? "BYTEA" : "BLOB";
    }

    /**
     * The column type for binary values of a few KB that change often: kept in the row. On H2 a BLOB of more than a
     * few hundred bytes is a separate object, written anew and its predecessor cleaned up at every update.
     */
    public String inlineBinaryType() {
        return postgres ? "BYTEA" : "VARBINARY(1000000000)";
    }

    /** The column type for an instant. */
    public String instantType() {
        return "TIMESTAMP WITH TIME ZONE";
    }

    /** A statement, its parameters bound to positional {@code ?}s. */
    public void execute(String sql, Object... parameters) {
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new ProjectionStorageException("failed: " + sql, e);
        }
    }

    /** Several DDL statements, each on its own. */
    public void ddl(String... statements) {
        try (Connection connection = connections.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new ProjectionStorageException("cannot create the read model tables", e);
        }
    }

    /** One statement run for each row of parameters, as a JDBC batch. */
    public void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new ProjectionStorageException("failed: " + sql, e);
        }
    }

    /**
     * Inserts rows, in multi-row {@code INSERT ... VALUES (...), (...)} statements of {@value #ROWS_PER_INSERT} rows
     * while there are that many, then in a JDBC batch: a multi-row statement is planned and checked once for all
     * its rows, which made inserting many version rows into H2 about a quarter cheaper. The few rows of a live
     * projection's batch keep one statement text, so that the database's statement cache serves them. On PostgreSQL
     * that many rows or more go through {@code COPY} ({@link PostgresCopy}), cheaper still for the server.
     *
     * @param into {@code table (column, ...)}
     */
    public void insert(String into, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (postgres && rows.size() >= ROWS_PER_INSERT) {
            try (Connection connection = connections.getConnection()) {
                PostgresCopy.copy(connection, into, rows);
                return;
            } catch (SQLException e) {
                throw new ProjectionStorageException("failed: COPY " + into, e);
            }
        }
        int columns = rows.get(0).length;
        int whole = rows.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
        String sql = "INSERT INTO " + into + " VALUES ";
        if (whole > 0) {
            String many = sql + values(columns, ROWS_PER_INSERT);
            try (Connection connection = connections.getConnection();
                 PreparedStatement statement = connection.prepareStatement(many)) {
                for (int start = 0; start < whole; start += ROWS_PER_INSERT) {
                    bindRows(statement, rows.subList(start, start + ROWS_PER_INSERT));
                    statement.executeUpdate();
                }
            } catch (SQLException e) {
                throw new ProjectionStorageException("failed: " + sql + "...", e);
            }
        }
        batch(sql + values(columns, 1), rows.subList(whole, rows.size()));
    }

    private static String values(int columns, int rows) {
        String row = "(" + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", java.util.Collections.nCopies(rows, row));
    }

    private static void bindRows(PreparedStatement statement, List<Object[]> rows) throws SQLException {
        int columns = rows.get(0).length;
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            for (int c = 0; c < columns; c++) {
                bindOne(statement, r * columns + c + 1, row[c]);
            }
        }
    }

    /** Whether {@code table} exists and has {@code column}; names as written unquoted in SQL. */
    public boolean hasColumn(String table, String column) {
        try (Connection connection = connections.getConnection()) {
            // H2 keeps unquoted names in upper case, PostgreSQL in lower case.
            String storedTable = postgres ? table.toLowerCase() : table.toUpperCase();
            String storedColumn = postgres ? column.toLowerCase() : column.toUpperCase();
            // In the connection's own schema: a table of that name in another schema (another Quire) is not ours.
            try (ResultSet columns = connection.getMetaData().getColumns(null, connection.getSchema(), storedTable,
                    storedColumn)) {
                return columns.next();
            }
        } catch (SQLException e) {
            throw new ProjectionStorageException("cannot read the shape of " + table, e);
        }
    }

    /** Reads the rows of a query. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new ProjectionStorageException("failed: " + sql, e);
        }
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            bindOne(statement, i + 1, parameters[i]);
        }
    }

    /** Typed setters where the type is known: the generic setObject's type dispatch was 15% of a bulk insert. */
    private static void bindOne(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof java.time.Instant instant) {
            statement.setObject(index, toMicros(instant).atOffset(java.time.ZoneOffset.UTC));
        } else {
            statement.setObject(index, value);
        }
    }

    /**
     * An instant as the read models keep it: to the microsecond, as PostgreSQL does, rounded here once so that
     * a row inserted and a row copied ({@link PostgresCopy}) store the same value.
     */
    static java.time.Instant toMicros(java.time.Instant instant) {
        return instant.plusNanos(500).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }
}
