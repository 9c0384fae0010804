package io.quire.projections.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlInsertTest {

    private final Sql sql = new Sql(() -> DriverManager.getConnection("jdbc:h2:mem:sql-insert;DB_CLOSE_DELAY=-1"));

    @Test
    void insertsEveryRowWhetherInWholeMultiRowStatementsOrInTheBatchForTheRest() {
        sql.ddl("CREATE TABLE IF NOT EXISTS t (id BIGINT PRIMARY KEY, name VARCHAR(20), flag BOOLEAN,"
                + " at TIMESTAMP WITH TIME ZONE, note VARCHAR(20))", "DELETE FROM t");
        Instant start = Instant.parse("2026-11-26T10:00:00Z");
        for (int count : new int[]{1, 99, 100, 250}) {
            sql.ddl("DELETE FROM t");
            List<Object[]> rows = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                rows.add(new Object[]{i, "row " + i, i % 2 == 0, start.plusSeconds(i), i % 3 == 0 ? null : "n"});
            }
            sql.insert("t (id, name, flag, at, note)", rows);

            List<String> read = sql.query("SELECT id, name, flag, at, note FROM t ORDER BY id",
                    row -> row.getLong(1) + "|" + row.getString(2) + "|" + row.getBoolean(3) + "|"
                            + row.getObject(4, java.time.OffsetDateTime.class).toInstant() + "|" + row.getString(5));
            List<String> expected = rows.stream().map(r -> r[0] + "|" + r[1] + "|" + r[2] + "|" + r[3] + "|" + r[4])
                    .toList();
            assertThat(read).as("%d rows", count).isEqualTo(expected);
        }
    }

    @Test
    void aFailingRowFailsTheInsertWithTheStatementNamed() {
        sql.ddl("CREATE TABLE IF NOT EXISTS u (id BIGINT PRIMARY KEY)", "DELETE FROM u");
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 150; i++) {
            rows.add(new Object[]{i == 120 ? 7L : i});
        }
        assertThatThrownBy(() -> sql.insert("u (id)", rows))
                .isInstanceOf(ProjectionStorageException.class)
                .hasMessageContaining("INSERT INTO u (id)");
    }
}
