package io.quire.projections.rebuild;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.domain.store.EventDatabaseException;
import io.quire.domain.store.StoredEventReader;
import io.quire.domain.store.StoredEventReader.StoredEvent;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadAheadTest {

    private final JdbcDataSource events = new JdbcDataSource();

    ReadAheadTest() {
        events.setURL("jdbc:h2:mem:read-ahead-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void handsOverEveryWantedEventInOrderAcrossHandoversAndReturnsTheLastIndex() throws SQLException {
        store(2_500);
        List<Object> payloads = new ArrayList<>();
        long last = ReadAhead.readAll(reader(), event -> payloads.add(event.payload()));

        assertThat(last).isEqualTo(2_500);
        assertThat(payloads).hasSize(1_250) // the odd ones are of a type no one wants
                .startsWith("event 2", "event 4").endsWith("event 2500");
    }

    @Test
    void aStoreThatCannotBeReadFailsTheCallingThread() {
        assertThatThrownBy(() -> ReadAhead.readAll(reader(), event -> { }))
                .isInstanceOf(EventDatabaseException.class)
                .hasMessageContaining("cannot read the stored events");
    }

    @Test
    void whenTheApplyingSideFailsTheReaderStops() throws Exception {
        store(20_000);
        List<StoredEvent> seen = new ArrayList<>();
        assertThatThrownBy(() -> ReadAhead.readAll(reader(), event -> {
            seen.add(event);
            if (seen.size() == 100) {
                throw new IllegalStateException("a projection failed");
            }
        })).hasMessage("a projection failed");

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (readerThreadAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(readerThreadAlive()).as("the reader thread still runs").isFalse();
    }

    private static boolean readerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("quire-rebuild-reader") && thread.isAlive());
    }

    private StoredEventReader reader() {
        return new StoredEventReader(events, new ObjectMapper(), type -> type == String.class);
    }

    /** Axon's event table, with {@code count} events: even ones with String payloads, odd ones Integers. */
    private void store(int count) throws SQLException {
        try (Connection connection = events.getConnection()) {
            connection.createStatement().execute("CREATE TABLE DomainEventEntry (globalIndex BIGINT PRIMARY KEY,"
                    + " eventIdentifier VARCHAR(255), aggregateIdentifier VARCHAR(255), sequenceNumber BIGINT,"
                    + " timeStamp VARCHAR(255), payloadType VARCHAR(255), payload BLOB)");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO DomainEventEntry VALUES (?, ?, 'a', ?, '2026-11-26T10:00:00Z', ?, ?)")) {
                for (long i = 1; i <= count; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, "e" + i);
                    insert.setLong(3, i - 1);
                    insert.setString(4, i % 2 == 0 ? "java.lang.String" : "java.lang.Integer");
                    insert.setBytes(5, (i % 2 == 0 ? "\"event " + i + "\"" : String.valueOf(i)).getBytes());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }
}
