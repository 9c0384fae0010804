package io.quire.domain.store;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event storage contract on a real PostgreSQL at 127.0.0.1:5432 (trust authentication, user postgres; another
 * host and port with {@code -Dquire.test.postgres=HOST:PORT}), in a database of its own that is dropped afterwards.
 * Without a server the tests are skipped, except on CI ({@code CI=true}), where a missing server is a failure.
 */
class PostgresEventStorageTest extends EventStorageContract {

    private static final String HOST_PORT = System.getProperty("quire.test.postgres", "127.0.0.1:5432");
    static final String SERVER = "jdbc:postgresql://" + HOST_PORT + "/";
    private static final String USER = "?user=postgres";

    private String databaseName;

    @Override
    protected EventDatabase openDatabase() throws SQLException {
        String name = "quire_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = connectToServer(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        databaseName = name;
        return EventDatabase.open(SERVER + name + USER);
    }

    @Override
    protected EventDatabase openAgain() {
        return EventDatabase.open(SERVER + databaseName + USER);
    }

    @Override
    protected void removeDatabase() throws SQLException {
        if (databaseName != null) {
            try (Connection admin = connectToServer(); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
            }
        }
    }

    @Override
    protected boolean someTransactionWaitsForALock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
            result.next();
            return result.getInt(1) > 0;
        }
    }

    /** The server's maintenance database; skips the test class (or fails it on CI) when there is no server. */
    static Connection connectToServer() throws SQLException {
        try {
            return DriverManager.getConnection(SERVER + "postgres" + USER + "&connectTimeout=5");
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI=true but no PostgreSQL at " + HOST_PORT + ": " + e.getMessage(), e);
            }
            Assumptions.abort("skipped: no PostgreSQL at " + HOST_PORT + " (" + e.getMessage()
                    + "); start one with trust authentication for user postgres, or set CI=true to fail instead");
            throw e;
        }
    }

    @Test
    void isPostgres() {
        assertThat(database.kind()).isEqualTo(DatabaseKind.POSTGRESQL);
    }

    @Test
    void missingDatabaseGetsAClearError() {
        assertThatThrownBy(() -> EventDatabase.open(SERVER + "quire_no_such_database" + USER))
                .isInstanceOf(EventDatabaseException.class)
                .hasMessageStartingWith("PostgreSQL has no such database")
                .hasMessageContaining("createdb");
    }
}
