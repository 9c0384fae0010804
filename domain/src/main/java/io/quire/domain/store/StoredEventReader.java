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
 * Pages by {@code globalIndex} (keyset: each page is an index range scan, and no cursor stays open across the
 * caller's transactions). Decodes only the payloads of the wanted types, each type with its own cached Jackson
 * reader; the others are skipped without decoding. Payloads are read as stored: Quire registers no upcasters.
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

    /**
     * Hands every stored event of a wanted type to {@code each}, in global order, on the calling thread.
     *
     * @return the global index of the last event stored (of any type), or -1 when the store is empty
     * @throws EventDatabaseException when the table cannot be read or a payload cannot be decoded
     */
    public long readAll(Consumer<StoredEvent> each) {
        long after = -1;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement page = connection.prepareStatement("SELECT globalIndex, eventIdentifier,"
                     + " aggregateIdentifier, sequenceNumber, timeStamp, payloadType, payload FROM DomainEventEntry"
                     + " WHERE globalIndex > ? ORDER BY globalIndex LIMIT " + PAGE_SIZE)) {
            page.setFetchSize(PAGE_SIZE);
            while (true) {
                page.setLong(1, after);
                int rows = 0;
                try (ResultSet row = page.executeQuery()) {
                    while (row.next()) {
                        rows++;
                        after = row.getLong(1);
                        String payloadType = row.getString(6);
                        ObjectReader reader = readerFor(payloadType);
                        if (reader != null) {
                            Object payload = decode(reader, row.getBytes(7), after, payloadType);
                            each.accept(new StoredEvent(after, row.getString(2), row.getString(3), row.getLong(4),
                                    StoredTimestamps.parse(row.getString(5)), payload));
                        }
                    }
                }
                if (rows < PAGE_SIZE) {
                    return after;
                }
            }
        } catch (SQLException e) {
            throw new EventDatabaseException("cannot read the stored events after global index " + after + ": "
                    + e.getMessage(), e);
        }
    }

    private static Object decode(ObjectReader reader, byte[] payload, long globalIndex, String payloadType) {
        try {
            return reader.readValue(payload);
        } catch (IOException e) {
            throw new EventDatabaseException("cannot decode the stored event at global index " + globalIndex + " ("
                    + payloadType + "): " + e.getMessage() + "; it is not what this Quire writes (a table edited by"
                    + " hand, or written by a newer Quire)", e);
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
