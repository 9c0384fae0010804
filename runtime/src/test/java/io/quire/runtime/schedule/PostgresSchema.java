package io.quire.runtime.schedule;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A schema of its own on the PostgreSQL at 127.0.0.1:5432 (trust authentication, user postgres; another host and
 * port with {@code -Dquire.test.postgres=HOST:PORT}), dropped by {@link #drop()}. Without a server the test is
 * skipped, except on CI ({@code CI=true}), where a missing server is a failure.
 */
final class PostgresSchema {

    private static final String HOST_PORT = System.getProperty("quire.test.postgres", "127.0.0.1:5432");
    static final String URL = "jdbc:postgresql://" + HOST_PORT + "/postgres?user=postgres";

    final String name = "quire_sched_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    /** Skips (or on CI fails) the calling test when there is no server. */
    static PostgresSchema create() throws SQLException {
        try (Connection connection = connect()) {
            return new PostgresSchema();
        }
    }

    PostgresTriggerStore store() {
        return new PostgresTriggerStore(URL, null, null, name);
    }

    long count(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql.replace("{s}", name))) {
            row.next();
            return row.getLong(1);
        }
    }

    void drop() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    private static Connection connect() throws SQLException {
        try {
            return DriverManager.getConnection(URL + "&connectTimeout=5");
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI=true but no PostgreSQL at " + HOST_PORT + ": " + e.getMessage(), e);
            }
            Assumptions.abort("skipped: no PostgreSQL at " + HOST_PORT + " (" + e.getMessage()
                    + "); start one with trust authentication for user postgres, or set CI=true to fail instead");
            throw e;
        }
    }
}
