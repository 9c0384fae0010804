package io.quire.domain.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class StoredEventReaderTest {

    private final JdbcDataSource events = new JdbcDataSource();

    @BeforeEach
    void createTable() throws SQLException {
        events.setURL("jdbc:h2:mem:stored-events-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = events.getConnection()) {
            connection.createStatement().execute("CREATE TABLE DomainEventEntry (globalIndex BIGINT PRIMARY KEY,"
                    + " eventIdentifier VARCHAR(255), aggregateIdentifier VARCHAR(255), sequenceNumber BIGINT,"
                    + " timeStamp VARCHAR(255), payloadType VARCHAR(255), payload BLOB)");
        }
    }

    @Test
    void readsEveryEventInOrderAcrossPagesAndGapsLongerThanAPage() throws SQLException {
        // Global indexes with holes (rolled-back transactions leave them): a run, a gap of several pages, a run
        // across a page boundary, a lone last one.
        long[] indexes = LongStream.concat(LongStream.rangeClosed(1, 3),
                LongStream.concat(LongStream.rangeClosed(19_990, 20_010), LongStream.of(47_000))).toArray();
        store(indexes);

        List<Long> seen = new ArrayList<>();
        long last = reader().readUndecoded(event -> seen.add(event.decode().globalIndex()));

        assertThat(last).isEqualTo(47_000);
        assertThat(seen).containsExactly(LongStream.of(indexes).boxed().toArray(Long[]::new));
    }

    @Test
    void anEmptyStoreHandsOverNothing() {
        List<Object> seen = new ArrayList<>();
        assertThat(reader().readUndecoded(seen::add)).isEqualTo(-1);
        assertThat(seen).isEmpty();
    }

    @Test
    void stopsAtTheLastEventStoredWhenItBegan() throws SQLException {
        store(1, 2, 3);
        List<Long> seen = new ArrayList<>();
        long last = reader().readUndecoded(event -> {
            seen.add(event.decode().globalIndex());
            if (seen.size() == 1) {
                store(4); // appended meanwhile: left to the processors, which start after the last index returned
            }
        });

        assertThat(last).isEqualTo(3);
        assertThat(seen).containsExactly(1L, 2L, 3L);
    }

    private StoredEventReader reader() {
        return new StoredEventReader(events, new ObjectMapper(), type -> type == String.class);
    }

    private void store(long... globalIndexes) {
        try (Connection connection = events.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO DomainEventEntry VALUES (?, ?, 'a', ?, '2026-11-26T10:00:00Z', ?, ?)")) {
            for (long i : globalIndexes) {
                insert.setLong(1, i);
                insert.setString(2, "e" + i);
                insert.setLong(3, i);
                insert.setString(4, "java.lang.String");
                insert.setBytes(5, ("\"event " + i + "\"").getBytes());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
