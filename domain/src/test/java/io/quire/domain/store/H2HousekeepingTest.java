package io.quire.domain.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Compaction of an embedded H2 file under WRITE_DELAY=0, where H2 itself never compacts. */
class H2HousekeepingTest {

    @Test
    void roundRewritesTheSparseChunksThatManySmallCommitsLeave(@TempDir Path data) throws SQLException {
        // RETENTION_TIME=0 makes every dead chunk reusable at once, so one round can show its effect.
        try (HikariDataSource pool = pool(H2Urls.withSettings("jdbc:h2:file:" + data.resolve("events")
                + ";RETENTION_TIME=0"))) {
            execute(pool, "CREATE TABLE cells (id BIGINT PRIMARY KEY, source VARCHAR)");
            try (Connection connection = pool.getConnection()) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cells VALUES (?, ?)")) {
                    for (int i = 0; i < 1000; i++) {
                        insert.setLong(1, i);
                        insert.setString(2, "print('cell " + i + "')");
                        insert.executeUpdate();
                    }
                }
            }
            long chunksBefore = setting(pool, "info.CHUNK_COUNT");
            int fillBefore = (int) setting(pool, "info.CHUNKS_FILL_RATE");

            new H2Housekeeping(pool).round();
            // The round moves the live pages out of the sparse chunks; H2 drops the emptied chunks at the next commit.
            execute(pool, "INSERT INTO cells VALUES (-1, 'one more commit')");

            assertThat(setting(pool, "info.CHUNK_COUNT")).isLessThan(chunksBefore / 4);
            assertThat(setting(pool, "info.CHUNKS_FILL_RATE")).isGreaterThan(Math.max(fillBefore, 50));
        }
    }

    @Test
    void roundDoesNothingForAnInMemoryDatabase() throws SQLException {
        try (HikariDataSource pool = pool("jdbc:h2:mem:" + UUID.randomUUID())) {
            new H2Housekeeping(pool).round();
        }
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    private static void execute(HikariDataSource pool, String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long setting(HikariDataSource pool, String name) throws SQLException {
        try (Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = '" + name + "'")) {
            result.next();
            return Long.parseLong(result.getString(1));
        }
    }
}
