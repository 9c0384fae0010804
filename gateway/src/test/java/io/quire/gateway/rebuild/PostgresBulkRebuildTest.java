package io.quire.gateway.rebuild;

import io.quire.gateway.QuireSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The bulk rebuild on PostgreSQL (127.0.0.1:5432, user postgres); each test gets its own database. */
class PostgresBulkRebuildTest extends BulkRebuildContract {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final List<String> CREATED = new ArrayList<>();

    @TempDir
    Path data;
    private String database;

    @BeforeEach
    void createDatabase() throws SQLException {
        database = "quire_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = server()) {
            connection.createStatement().execute("CREATE DATABASE " + database);
            CREATED.add(database);
        }
    }

    @AfterAll
    static void dropDatabases() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER)) {
            for (String name : CREATED) {
                connection.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    private static Connection server() {
        try {
            return DriverManager.getConnection(SERVER);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("PostgreSQL at 127.0.0.1:5432 is required in CI: " + e.getMessage());
            }
            assumeTrue(false, "no PostgreSQL at 127.0.0.1:5432 (" + e.getMessage() + "): skipping");
            throw new IllegalStateException(e);
        }
    }

    @Override
    QuireSettings settings() {
        return new QuireSettings(data, "jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres",
                QuireSettings.DEFAULT_SNAPSHOT_THRESHOLD);
    }
}
