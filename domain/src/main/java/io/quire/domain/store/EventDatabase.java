package io.quire.domain.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.quire.domain.store.jdbc.DuplicateKeyResolver;
import io.quire.domain.store.jdbc.QuickTimestampEventData;
import io.quire.domain.store.jdbc.ThreadBoundConnectionProvider;
import io.quire.domain.store.jdbc.ThreadBoundTransactionManager;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The database Quire keeps its events, snapshots and tracking tokens in: embedded H2 in a data directory, or
 * PostgreSQL. It owns a connection pool and hands Axon the pieces that use it: a {@link TransactionManager} that
 * binds one connection to the current thread, a {@link ConnectionProvider} that returns that connection, an
 * {@link EventStorageEngine} and a {@link TokenStore}. Register the same transaction manager with the command bus,
 * the event processors and the snapshotter: Axon's JDBC code never commits by itself.
 *
 * <pre>{@code
 * try (EventDatabase db = EventDatabase.openDirectory(dataDir)) {      // or EventDatabase.open(jdbcUrl)
 *     Serializer json = QuireJson.serializer();
 *     Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
 *             .configureSerializer(c -> json)
 *             .configureEventSerializer(c -> json)
 *             .configureMessageSerializer(c -> json)
 *             .configureTransactionManager(c -> db.transactionManager())  // command bus, processors, snapshotter
 *             .configureEmbeddedEventStore(c -> db.storageEngine(json));
 *     configurer.eventProcessing().registerTokenStore(c -> db.tokenStore(json));
 *     Configuration axon = configurer.buildConfiguration();
 *     axon.start();
 *     ...
 *     axon.shutdown();                                                // before the database closes
 * }
 * }</pre>
 * {@code AxonWiringTest} runs exactly this with an aggregate and a tracking processor.
 *
 * <p>Threads: all methods may be called from any thread; see {@link ThreadBoundTransactionManager} for how
 * transactions belong to threads. Closing while other threads still use the database makes their calls fail. An
 * embedded H2 database has one housekeeping thread of its own ({@code quire-h2-housekeeping}).
 */
public final class EventDatabase implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EventDatabase.class);

    /** The number of events read per query; 1,000 loads a long aggregate ~35% faster than Axon's 100 (FACTS.md). */
    static final int BATCH_SIZE = 1000;

    private final DatabaseKind kind;
    private final HikariDataSource pool;
    private final ThreadBoundTransactionManager transactionManager;
    private final ThreadBoundConnectionProvider connectionProvider;
    private final H2Housekeeping housekeeping;

    private EventDatabase(DatabaseKind kind, HikariDataSource pool) {
        this.kind = kind;
        this.pool = pool;
        this.transactionManager = new ThreadBoundTransactionManager(pool);
        this.connectionProvider = new ThreadBoundConnectionProvider(pool, transactionManager);
        this.housekeeping = kind == DatabaseKind.H2 ? H2Housekeeping.start(pool) : null;
    }

    /**
     * Opens (creating if needed) the embedded H2 database {@code events} in {@code dataDirectory}, which is created
     * when missing.
     *
     * @throws EventDatabaseException when the directory cannot be created, another process has the database open,
     *                                or H2 cannot read it; the message says what to do
     */
    public static EventDatabase openDirectory(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new EventDatabaseException("cannot create the data directory " + dataDirectory + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); create it or choose another --data",
                    e);
        }
        return connect(DatabaseKind.H2, H2Urls.forDirectory(dataDirectory), null, null, dataDirectory.toString());
    }

    /**
     * Opens the database a JDBC URL names; PostgreSQL takes its user and password from the URL
     * ({@code jdbc:postgresql://host:5432/quire?user=quire&password=...}). The database must exist; its tables are
     * created by {@link #storageEngine} and {@link #tokenStore} when missing.
     *
     * @throws EventDatabaseException when the URL is neither PostgreSQL nor H2, or the database cannot be reached
     *                                or opened; the message says what to do and never shows the password
     */
    public static EventDatabase open(String jdbcUrl) {
        return open(jdbcUrl, null, null);
    }

    /**
     * As {@link #open(String)}, with the user and password given apart from the URL (either may be null).
     *
     * @throws EventDatabaseException as {@link #open(String)}
     */
    public static EventDatabase open(String jdbcUrl, String user, String password) {
        DatabaseKind kind = DatabaseKind.of(jdbcUrl);
        String url = kind == DatabaseKind.H2 ? H2Urls.withSettings(jdbcUrl) : jdbcUrl;
        return connect(kind, url, user, password, JdbcUrls.redact(jdbcUrl));
    }

    private static EventDatabase connect(DatabaseKind kind, String url, String user, String password,
                                         String location) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("quire-events");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        // Fail at start-up, with the driver's reason, rather than on the first command.
        config.setInitializationFailTimeout(1);
        try {
            return new EventDatabase(kind, new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw OpenFailures.explain(kind, location, e);
        }
    }

    /** Which database this is. */
    public DatabaseKind kind() {
        return kind;
    }

    /** The connection pool, for code outside Axon that keeps its own tables here (read models, schedules). */
    public DataSource dataSource() {
        return pool;
    }

    /** The transaction manager to register with every part of Axon that writes: see the class comment. */
    public TransactionManager transactionManager() {
        return transactionManager;
    }

    /**
     * Returns the calling thread's transaction connection, or an auto-commit pooled one outside a transaction; see
     * {@link ThreadBoundConnectionProvider}.
     */
    public ConnectionProvider connectionProvider() {
        return connectionProvider;
    }

    /**
     * Axon's JDBC storage engine over this database, with {@code serializer} for events and snapshots and no
     * upcasters. See {@link #storageEngine(Serializer, EventUpcaster)}.
     */
    public EventStorageEngine storageEngine(Serializer serializer) {
        return storageEngine(serializer, NoOpEventUpcaster.INSTANCE);
    }

    /**
     * Axon's JDBC storage engine over this database: creates the event and snapshot tables when missing, reads
     * {@value #BATCH_SIZE} events per query, and reports a second event at an existing (aggregate, sequence number)
     * as {@code ConcurrencyException} ({@code AggregateStreamCreationException} for sequence number 0). Appends join
     * the calling thread's transaction, or commit at once outside one. Each call builds a new engine: build one per
     * application and share it.
     *
     * @param serializer for event and snapshot payloads and metadata; use {@code QuireJson.serializer()}
     * @param upcasters  the chain that brings old event shapes up to date when reading
     * @throws org.axonframework.eventsourcing.eventstore.EventStoreException when the tables cannot be created
     */
    public EventStorageEngine storageEngine(Serializer serializer, EventUpcaster upcasters) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                                                              .connectionProvider(connectionProvider)
                                                              .transactionManager(transactionManager)
                                                              .eventSerializer(serializer)
                                                              .snapshotSerializer(serializer)
                                                              .upcasterChain(upcasters)
                                                              .persistenceExceptionResolver(new DuplicateKeyResolver())
                                                              .batchSize(BATCH_SIZE);
        JdbcEventStorageEngine engine = new QuickTimestampEngine(builder);
        // PostgresEventTableFactory's DDL (BIGSERIAL, bytea) is accepted by PostgreSQL and by H2 2.x in its
        // default mode; H2's own HsqlEventTableFactory is not (FACTS.md).
        engine.createSchema(PostgresEventTableFactory.INSTANCE);
        return engine;
    }

    /** Axon's JDBC engine, whose tracked events parse their timestamp once and quickly. */
    private static final class QuickTimestampEngine extends JdbcEventStorageEngine {

        private QuickTimestampEngine(Builder builder) {
            super(builder);
        }

        @Override
        protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
                throws SQLException {
            Object stored = readTimeStamp(resultSet, schema().timestampColumn());
            return QuickTimestampEventData.of(super.getTrackedEventData(resultSet, previousToken), stored);
        }
    }

    /**
     * Axon's JDBC token store over this database, for tracking and pooled streaming processors, writing a claim's
     * extension at most every 2 s ({@link SparseClaimExtensions}). Creates its table when missing. Claims and stores
     * are atomic only inside a transaction: processors start one per batch.
     *
     * @param serializer for the tokens; use {@code QuireJson.serializer()}
     * @throws org.axonframework.common.jdbc.JdbcException when the table cannot be created
     */
    public TokenStore tokenStore(Serializer serializer) {
        JdbcTokenStore tokenStore = JdbcTokenStore.builder()
                                                  .connectionProvider(connectionProvider)
                                                  .serializer(serializer)
                                                  .nodeId(tokenOwner)
                                                  .build();
        tokenStore.createSchema(PostgresTokenTableFactory.INSTANCE);
        return new SparseClaimExtensions(tokenStore, System::nanoTime);
    }

    /**
     * Who this database handle claims processor tokens as: Axon's default (pid@host) plus an id of its own, so
     * that two Quire nodes in one process (or two handles) never take each other's claims for their own.
     */
    private final String tokenOwner = java.lang.management.ManagementFactory.getRuntimeMXBean().getName() + "#"
            + java.util.UUID.randomUUID().toString().substring(0, 8);

    /** How many events the store holds (all aggregates). */
    public long eventCount() {
        try (Connection connection = pool.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM DomainEventEntry");
             ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new EventDatabaseException("cannot count the stored events: " + e.getMessage(), e);
        }
    }

    /**
     * Forgets an event processor's position, so that it starts again from the first event (a rebuild).
     * Nothing to forget when the token table does not exist yet.
     */
    public void resetTokens(String processorName) {
        try (Connection connection = pool.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM TokenEntry WHERE processorName = ?")) {
            delete.setString(1, processorName);
            delete.executeUpdate();
        } catch (SQLException e) {
            if (!UNDEFINED_TABLE.contains(e.getSQLState())) {
                throw new EventDatabaseException("cannot reset the position of " + processorName + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** "No such table" on PostgreSQL (42P01) and H2 (42S02, 42S04). */
    private static final java.util.Set<String> UNDEFINED_TABLE = java.util.Set.of("42P01", "42S02", "42S04");

    /**
     * Gives up the processor claims this handle still holds, then closes the pool; the embedded H2 database closes
     * (and compacts its file for up to 200 ms) with its last connection. Transactions still open on other threads
     * fail. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (pool.isClosed()) {
            return;
        }
        releaseClaims();
        if (housekeeping != null) {
            housekeeping.close();
        }
        pool.close();
    }

    /*
     * Axon releases a segment's claim when its worker stops, but a processor shut down while it was starting frees
     * the segment in memory only (TrackingEventProcessor.WorkerLauncher.cleanUp): the claim stayed in the table
     * and the next node on this database waited out the claim timeout, 10 s, before its read models moved. A short
     * CLI command does exactly that. Call only once the processors have stopped.
     */
    private void releaseClaims() {
        try (Connection connection = pool.getConnection();
             PreparedStatement release = connection.prepareStatement(
                     "UPDATE TokenEntry SET owner = NULL WHERE owner = ?")) {
            release.setString(1, tokenOwner);
            release.executeUpdate();
        } catch (SQLException e) {
            if (!UNDEFINED_TABLE.contains(e.getSQLState())) {
                // The claims then time out as after a crash; not a reason to leave the database open.
                LOG.warn("could not release this node's processor claims ({}); other nodes take them over after"
                        + " the claim timeout", e.getMessage());
            }
        }
    }
}
