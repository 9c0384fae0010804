package io.quire.projections.jdbc;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL at 127.0.0.1:5432 (trust authentication, user postgres) for the projections' tests. Without a
 * server the calling test is skipped, except on CI ({@code CI=true}), where a missing server is a failure.
 */
final class LocalPostgres {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&connectTimeout=5";

    private LocalPostgres() {
    }

    /** A connection whose current schema is {@code schema}. */
    static Connection connect(String schema) throws SQLException {
        try {
            return DriverManager.getConnection(URL + "&currentSchema=" + schema);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI=true but no PostgreSQL at 127.0.0.1:5432: " + e.getMessage(), e);
            }
            Assumptions.abort("skipped: no PostgreSQL at 127.0.0.1:5432 (" + e.getMessage() + ")");
            throw e;
        }
    }

    /** Drops the schemas a test created; nothing to do when there is no server. */
    static void dropSchemas(String... schemas) {
        try (Connection connection = DriverManager.getConnection(URL)) {
            for (String schema : schemas) {
                connection.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException noServer) {
            // nothing was created
        }
    }
}
