package io.quire.projections.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Sql#hasColumn}, which decides whether read models have an earlier shape and must be rebuilt, looks in the
 * connection's own schema only: a table of the same name elsewhere (another Quire's schema) must not make every
 * start rebuild.
 */
class SqlShapeTest {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final String SUFFIX = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final String OLD = "quire_old_" + SUFFIX;
    private static final String NEW = "quire_new_" + SUFFIX;

    @Test
    void onPostgresql() throws SQLException {
        try (Connection connection = postgres("postgres")) {
            var statement = connection.createStatement();
            statement.execute("CREATE SCHEMA " + OLD);
            statement.execute("CREATE SCHEMA " + NEW);
            statement.execute("CREATE TABLE " + OLD + ".live_cell (nbformat BYTEA)");
            statement.execute("CREATE TABLE " + NEW + ".live_cell (head BYTEA)");
        }
        assertShapes(new Sql(() -> postgres(NEW)), new Sql(() -> postgres(OLD)));
    }

    @Test
    void onH2() {
        String url = "jdbc:h2:mem:shape-" + SUFFIX + ";DB_CLOSE_DELAY=-1";
        Sql anywhere = new Sql(() -> DriverManager.getConnection(url));
        anywhere.ddl("CREATE SCHEMA old_shape", "CREATE SCHEMA new_shape",
                "CREATE TABLE old_shape.live_cell (nbformat BLOB)", "CREATE TABLE new_shape.live_cell (head BLOB)");
        assertShapes(new Sql(() -> DriverManager.getConnection(url + ";SCHEMA=NEW_SHAPE")),
                new Sql(() -> DriverManager.getConnection(url + ";SCHEMA=OLD_SHAPE")));
    }

    private static void assertShapes(Sql current, Sql earlier) {
        assertThat(current.hasColumn("live_cell", "head")).isTrue();
        assertThat(current.hasColumn("live_cell", "nbformat")).as("the other schema's column").isFalse();
        assertThat(earlier.hasColumn("live_cell", "nbformat")).isTrue();
        assertThat(earlier.hasColumn("no_such_table", "head")).isFalse();
    }

    private static Connection postgres(String schema) throws SQLException {
        try {
            return DriverManager.getConnection(POSTGRES + "&connectTimeout=5&currentSchema=" + schema);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI=true but no PostgreSQL at 127.0.0.1:5432: " + e.getMessage(), e);
            }
            Assumptions.abort("skipped: no PostgreSQL at 127.0.0.1:5432 (" + e.getMessage() + ")");
            throw e;
        }
    }

    @AfterAll
    static void dropSchemas() {
        try (Connection connection = DriverManager.getConnection(POSTGRES + "&connectTimeout=5")) {
            connection.createStatement().execute("DROP SCHEMA IF EXISTS " + OLD + " CASCADE");
            connection.createStatement().execute("DROP SCHEMA IF EXISTS " + NEW + " CASCADE");
        } catch (SQLException noServer) {
            // nothing was created
        }
    }
}
