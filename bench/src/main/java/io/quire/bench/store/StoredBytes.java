package io.quire.bench.store;

import io.quire.domain.store.EventDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What an event store holds, in bytes as the rows store them: for events every column of {@code DomainEventEntry}
 * (payload, metadata, identifiers, payload type, timestamp text, and 16 bytes for the two BIGINT columns); for
 * snapshots the payload and metadata of {@code SnapshotEventEntry}. Indexes and the databases' page and row
 * overheads are not counted: that is {@link BenchStore#physicalBytesWritten()}'s job.
 *
 * @param events        rows of DomainEventEntry
 * @param eventBytes    their bytes
 * @param snapshots     rows of SnapshotEventEntry (Axon keeps the latest snapshot of each aggregate)
 * @param snapshotBytes their payload and metadata bytes
 */
public record StoredBytes(long events, long eventBytes, long snapshots, long snapshotBytes) {

    // OCTET_LENGTH is bytes on both H2 and PostgreSQL, for binary and for text columns.
    private static final String EVENTS = "SELECT COUNT(*), COALESCE(SUM(OCTET_LENGTH(payload)"
            + " + COALESCE(OCTET_LENGTH(metaData), 0) + OCTET_LENGTH(eventIdentifier)"
            + " + OCTET_LENGTH(aggregateIdentifier) + OCTET_LENGTH(payloadType)"
            + " + COALESCE(OCTET_LENGTH(payloadRevision), 0) + OCTET_LENGTH(timeStamp) + OCTET_LENGTH(type) + 16), 0)"
            + " FROM DomainEventEntry";
    private static final String SNAPSHOTS = "SELECT COUNT(*), COALESCE(SUM(OCTET_LENGTH(payload)"
            + " + COALESCE(OCTET_LENGTH(metaData), 0)), 0) FROM SnapshotEventEntry";

    /** Reads the sizes through a connection of its own (the node's pool is not reachable from outside). */
    static StoredBytes read(EventDatabase database) {
        try (Connection connection = database.dataSource().getConnection()) {
            long[] events = pair(connection, EVENTS);
            long[] snapshots = pair(connection, SNAPSHOTS);
            return new StoredBytes(events[0], events[1], snapshots[0], snapshots[1]);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot measure the event tables: " + e.getMessage(), e);
        }
    }

    private static long[] pair(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return new long[]{row.getLong(1), row.getLong(2)};
        }
    }

    /** What was added between {@code before} and this. */
    public StoredBytes minus(StoredBytes before) {
        return new StoredBytes(events - before.events, eventBytes - before.eventBytes, snapshots - before.snapshots,
                snapshotBytes - before.snapshotBytes);
    }
}
