package io.quire.projections.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Sql#insert} on H2 and on PostgreSQL (127.0.0.1:5432, user postgres, a schema of its own). */
class SqlInsertTest {

    private static final String SCHEMA = "quire_sql_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static Sql sql(String database) throws SQLException {
        if (database.equals("h2")) {
            return new Sql(() -> DriverManager.getConnection("jdbc:h2:mem:sql-insert;DB_CLOSE_DELAY=-1"));
        }
        try (Connection connection = LocalPostgres.connect("public")) {
            connection.createStatement().execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
        }
        return new Sql(() -> LocalPostgres.connect(SCHEMA));
    }

    @AfterAll
    static void dropSchema() {
        LocalPostgres.dropSchemas(SCHEMA);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void insertsEveryRowAsWrittenWhicheverWayTheRowsGo(String database) throws SQLException {
        // 1 and 99 rows: single-row batch; 100 and 250: multi-row INSERTs on H2, COPY on PostgreSQL.
        Sql sql = sql(database);
        sql.ddl("CREATE TABLE IF NOT EXISTS t (id BIGINT PRIMARY KEY, name VARCHAR(40), flag BOOLEAN,"
                + " at TIMESTAMP WITH TIME ZONE, note VARCHAR(20), n INTEGER)");
        Instant lastCentury = Instant.parse("1999-12-31T23:59:59.999999500Z"); // rounds up to 2000, PostgreSQL's zero
        Instant start = Instant.parse("2026-11-26T10:00:00.123456789Z");
        // An empty name is an empty string, not NULL; notes are NULL every third row.
        String[] awkward = {"row", "a \"quoted\" word", "comma, and\nnewline", "back\\slash", "", "été ✓", "N"};
        for (int count : new int[]{1, 99, 100, 250}) {
            sql.ddl("DELETE FROM t");
            List<Object[]> rows = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                String name = awkward[(int) (i % awkward.length)];
                Instant at = i % 5 == 4 ? lastCentury.minusSeconds(i * 86_400) : start.plusSeconds(i).plusNanos(i * 499);
                rows.add(new Object[]{i, name.isEmpty() ? name : name + i, i % 2 == 0, at, i % 3 == 0 ? null : "n",
                        i % 4 == 0 ? null : (int) -i});
            }
            sql.insert("t (id, name, flag, at, note, n)", rows);

            List<String> read = sql.query("SELECT id, name, flag, at, note, n FROM t ORDER BY id",
                    row -> row.getLong(1) + "|" + row.getString(2) + "|" + row.getBoolean(3) + "|"
                            + row.getObject(4, java.time.OffsetDateTime.class).toInstant() + "|" + row.getString(5)
                            + "|" + row.getObject(6));
            List<String> expected = rows.stream().map(r -> r[0] + "|" + r[1] + "|" + r[2] + "|"
                    + Sql.toMicros((Instant) r[3]) + "|" + r[4] + "|" + r[5]).toList();
            assertThat(read).as("%d rows on %s", count, database).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aFailingRowFailsTheInsertWithTheStatementNamed(String database) throws SQLException {
        Sql sql = sql(database);
        sql.ddl("CREATE TABLE IF NOT EXISTS u (id BIGINT PRIMARY KEY)", "DELETE FROM u");
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 150; i++) {
            rows.add(new Object[]{i == 120 ? 7L : i});
        }
        assertThatThrownBy(() -> sql.insert("u (id)", rows))
                .isInstanceOf(ProjectionStorageException.class)
                .hasMessageContaining("u (id)");
    }
}
