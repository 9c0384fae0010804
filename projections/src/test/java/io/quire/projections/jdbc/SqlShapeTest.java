package io.quire.projections.jdbc;

import org.junit.jupiter.api.AfterAll;
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

    private static final String SUFFIX = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final String OLD = "quire_old_" + SUFFIX;
    private static final String NEW = "quire_new_" + SUFFIX;

    @Test
    void onPostgresql() throws SQLException {
        try (Connection connection = LocalPostgres.connect("public")) {
            var statement = connection.createStatement();
            statement.execute("CREATE SCHEMA " + OLD);
            statement.execute("CREATE SCHEMA " + NEW);
            statement.execute("CREATE TABLE " + OLD + ".live_cell (nbformat BYTEA)");
            statement.execute("CREATE TABLE " + NEW + ".live_cell (head BYTEA)");
        }
        assertShapes(new Sql(() -> LocalPostgres.connect(NEW)), new Sql(() -> LocalPostgres.connect(OLD)));
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

    @AfterAll
    static void dropSchemas() {
        LocalPostgres.dropSchemas(OLD, NEW);
    }
}
