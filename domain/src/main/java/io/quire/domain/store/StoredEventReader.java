package io.quire.domain.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads every stored event in global order straight from Axon's event table, for a bulk replay that does not need
 * Axon's per-event machinery (messages, units of work, handler lookup: a third of a tracking processor's time).
 * Pages by ranges of {@code globalIndex}, up to the highest one stored when it starts (each page an index range
 * scan, and no cursor stays open across the caller's transactions). Hands over only the events of the wanted types,
 * their payloads still to be decoded (on another thread, say) with each type's cached Jackson reader; the others are
 * skipped without decoding. Payloads are read as stored: Quire registers no upcasters.
 */
public final class StoredEventReader {

    private static final int PAGE_SIZE = 5_000;

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Predicate<Class<?>> wanted;
    /** For each payload type name: its reader when it is wanted, else empty. */
    private final Map<String, Optional<ObjectReader>> readers = new HashMap<>();

    /**
     * @param json   a mapper configured as the one that wrote the events ({@code QuireJson.newObjectMapper()})
     * @param wanted which payload classes to decode and hand over; asked once per stored payload type
     */
    public StoredEventReader(DataSource dataSource, ObjectMapper json, Predicate<Class<?>> wanted) {
        this.dataSource = dataSource;
        this.json = json;
        this.wanted = wanted;
    }

    /** One stored event whose payload is of a wanted class. */
    public record StoredEvent(long globalIndex, String eventId, String aggregateId, long sequenceNumber,
                              Instant timestamp, Object payload) {
    }

    /** A stored event of a wanted class as read, its payload still to be decoded (on another thread, say). */
    public static final class Undecoded {
        private final long globalIndex;
        private final String eventId;
        private final String aggregateId;
        private final long sequenceNumber;
        private final Instant timestamp;
        private final String payloadType;
        private final byte[] payload;
        private final ObjectReader reader;

        private Undecoded(long globalIndex, String eventId, String aggregateId, long sequenceNumber,
                          Instant timestamp, String payloadType, byte[] payload, ObjectReader reader) {
            this.globalIndex = globalIndex;
            this.eventId = eventId;
            this.aggregateId = aggregateId;
            this.sequenceNumber = sequenceNumber;
            this.timestamp = timestamp;
            this.payloadType = payloadType;
            this.payload = payload;
            this.reader = reader;
        }

        /** @throws EventDatabaseException when the payload cannot be decoded */
        public StoredEvent decode() {
            try {
                return new StoredEvent(globalIndex, eventId, aggregateId, sequenceNumber, timestamp,
                        reader.readValue(payload));
            } catch (IOException e) {
                throw new EventDatabaseException("cannot decode the stored event at global index " + globalIndex
                        + " (" + payloadType + "): " + e.getMessage() + "; it is not what this Quire writes (a table"
                        + " edited by hand, or written by a newer Quire)", e);
            }
        }
    }

    /**
     * Hands every stored event of a wanted type to {@code each}, in global order, on the calling thread, its payload
     * not yet decoded: decoding was a third of the reading thread's time in a rebuild.
     *
     * @return the highest global index stored when reading began (an event of any type), or -1 when the store is
     *         empty; events appended meanwhile are left to the processors
     * @throws EventDatabaseException when the table cannot be read
     */
    public long readUndecoded(Consumer<Undecoded> each) {
        long after = -1;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement page = connection.prepareStatement("SELECT globalIndex, eventIdentifier,"
                     + " aggregateIdentifier, sequenceNumber, timeStamp, payloadType, payload FROM DomainEventEntry"
                     + " WHERE globalIndex > ? AND globalIndex <= ? ORDER BY globalIndex")) {
            long last = lastIndex(connection);
            page.setFetchSize(PAGE_SIZE);
            // A range of the index rather than "> after LIMIT n": without statistics (a table just filled, not
            // analysed yet) PostgreSQL planned the open-ended query as a scan and sort of the whole table for each
            // page, 5 to 20 times slower; a range this narrow is read through the index either way.
            while (after < last) {
                long upTo = Math.min(after + PAGE_SIZE, last);
                page.setLong(1, after);
                page.setLong(2, upTo);
                try (ResultSet row = page.executeQuery()) {
                    while (row.next()) {
                        long globalIndex = row.getLong(1);
                        String payloadType = row.getString(6);
                        ObjectReader reader = readerFor(payloadType);
                        if (reader != null) {
                            each.accept(new Undecoded(globalIndex, row.getString(2), row.getString(3), row.getLong(4),
                                    StoredTimestamps.parse(row.getString(5)), payloadType, row.getBytes(7), reader));
                        }
                    }
                }
                after = upTo;
            }
            return last;
        } catch (SQLException e) {
            throw new EventDatabaseException("cannot read the stored events after global index " + after + ": "
                    + e.getMessage(), e);
        }
    }

    /** The highest global index stored, or -1 when there is none. */
    private static long lastIndex(Connection connection) throws SQLException {
        try (PreparedStatement max = connection.prepareStatement("SELECT MAX(globalIndex) FROM DomainEventEntry");
             ResultSet row = max.executeQuery()) {
            row.next();
            long last = row.getLong(1);
            return row.wasNull() ? -1 : last;
        }
    }

    private ObjectReader readerFor(String payloadType) {
        return readers.computeIfAbsent(payloadType, type -> {
            try {
                Class<?> payloadClass = Class.forName(type, false, StoredEventReader.class.getClassLoader());
                return wanted.test(payloadClass) ? Optional.of(json.readerFor(payloadClass))
                        : Optional.empty();
            } catch (ClassNotFoundException e) {
                return Optional.empty(); // a type no one here handles (Axon skips it the same way)
            }
        }).orElse(null);
    }
}
