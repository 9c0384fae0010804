package io.quire.domain.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.serialization.QuireJson;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every database Quire stores events in must do, through {@link EventDatabase} and Axon's JDBC engine.
 * Subclasses open one database per test class; tests keep apart by using their own aggregate ids.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EventStorageContract {

    /** A notebook event as the domain writes them: a record with a JSON tree and a time in it. */
    record CellEdited(String notebookId, String cellId, String source, ObjectNode metadata, Instant editedAt) {
    }

    /** A snapshot payload. */
    record NotebookState(String notebookId, int cellCount) {
    }

    protected final Serializer serializer = QuireJson.serializer();
    protected EventDatabase database;
    protected EventStorageEngine engine;
    private ExecutorService threads;
    private String unavailable;

    /**
     * Opens the database the tests run against; called once per test class.
     *
     * @throws TestAbortedException (through {@code Assumptions.abort}) when the database is not there to test
     */
    protected abstract EventDatabase openDatabase() throws Exception;

    /** Another handle on the database {@link #openDatabase()} opened, as a second Quire node would open it. */
    protected abstract EventDatabase openAgain() throws Exception;

    /** Removes what {@link #openDatabase()} created, after the database is closed. */
    protected abstract void removeDatabase() throws Exception;

    /** Whether some transaction of this database is now blocked waiting for a lock another one holds. */
    protected abstract boolean someTransactionWaitsForALock(Connection connection) throws SQLException;

    @BeforeAll
    void openDatabaseAndEngine() throws Exception {
        threads = Executors.newCachedThreadPool();
        try {
            database = openDatabase();
        } catch (TestAbortedException e) {
            // Skipping here would skip the class silently in Maven's report; each test says why instead.
            unavailable = e.getMessage();
            return;
        }
        engine = database.storageEngine(serializer);
    }

    @BeforeEach
    void skipWhenDatabaseUnavailable() {
        Assumptions.assumeTrue(unavailable == null, unavailable);
    }

    @AfterAll
    void closeDatabase() throws Exception {
        if (threads != null) {
            threads.shutdownNow();
        }
        if (database != null) {
            database.close();
        }
        removeDatabase();
    }

    @Test
    void appendedEventsReadBackInOrderWithMetadataAndTimestamps() {
        String notebook = newAggregateId();
        Instant first = Instant.parse("2024-05-01T10:15:30.123Z");
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int seq = 0; seq < 5; seq++) {
            events.add(new GenericDomainEventMessage<>("Notebook", notebook, seq, edit(notebook, seq),
                                                       Map.of("user", "alice", "client", "web-" + seq),
                                                       UUID.randomUUID().toString(), first.plusSeconds(seq)));
        }

        inTransaction(() -> engine.appendEvents(events));

        List<? extends DomainEventMessage<?>> read = engine.readEvents(notebook).asStream().toList();
        assertThat(read).hasSize(5);
        for (int seq = 0; seq < 5; seq++) {
            DomainEventMessage<?> stored = read.get(seq);
            assertThat(stored.getSequenceNumber()).isEqualTo(seq);
            assertThat(stored.getIdentifier()).isEqualTo(events.get(seq).getIdentifier());
            assertThat(stored.getTimestamp()).isEqualTo(first.plusSeconds(seq));
            assertThat(stored.getPayload()).isEqualTo(edit(notebook, seq));
            assertThat(stored.getMetaData()).containsEntry("user", "alice").containsEntry("client", "web-" + seq);
        }
        assertThat(engine.lastSequenceNumberFor(notebook)).contains(4L);
    }

    @Test
    void eventsAppendedInTransactionAreInvisibleUntilCommitted() throws Exception {
        String notebook = newAggregateId();
        Transaction transaction = database.transactionManager().startTransaction();
        try {
            engine.appendEvents(event(notebook, 0), event(notebook, 1));

            assertThat(countFromAnotherThread(notebook)).isZero();
            transaction.commit();
        } catch (RuntimeException | Error e) {
            transaction.rollback();
            throw e;
        }

        assertThat(countFromAnotherThread(notebook)).isEqualTo(2);
    }

    @Test
    void eventsAppendedInTransactionAreGoneAfterRollback() throws Exception {
        String notebook = newAggregateId();
        Transaction transaction = database.transactionManager().startTransaction();
        engine.appendEvents(event(notebook, 0), event(notebook, 1));
        transaction.rollback();

        assertThat(countFromAnotherThread(notebook)).isZero();
        assertThat(engine.readEvents(notebook).asStream()).isEmpty();
    }

    @Test
    void secondWriterOfTheSameSequenceNumberWaitsForTheFirstThenGetsConcurrencyException() throws Exception {
        String notebook = newAggregateId();
        inTransaction(() -> engine.appendEvents(event(notebook, 0)));
        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch secondBlocked = new CountDownLatch(1);

        Future<?> first = threads.submit(() -> inTransaction(() -> {
            engine.appendEvents(event(notebook, 1));
            firstAppended.countDown();
            await(secondBlocked);
        }));
        await(firstAppended);
        Future<?> second = threads.submit(() -> inTransaction(() -> engine.appendEvents(event(notebook, 1))));
        waitUntilSomeTransactionWaitsForALock();
        secondBlocked.countDown();

        first.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ConcurrencyException.class)
                .hasRootCauseInstanceOf(SQLException.class);
        assertThat(engine.readEvents(notebook).asStream()).hasSize(2);
    }

    @Test
    void racingWritersOfTheSameSequenceNumberLeaveExactlyOneWinner() throws Exception {
        int rounds = 10;
        int writers = 2;
        for (int round = 0; round < rounds; round++) {
            String notebook = newAggregateId();
            inTransaction(() -> engine.appendEvents(event(notebook, 0)));
            CyclicBarrier start = new CyclicBarrier(writers);
            List<CompletableFuture<Void>> attempts = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                attempts.add(CompletableFuture.runAsync(() -> inTransaction(() -> {
                    await(start);
                    engine.appendEvents(event(notebook, 1));
                }), threads));
            }

            List<Throwable> failures = new ArrayList<>();
            for (CompletableFuture<Void> attempt : attempts) {
                try {
                    attempt.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            assertThat(failures).hasSize(writers - 1).allMatch(ConcurrencyException.class::isInstance);
            assertThat(engine.readEvents(notebook).asStream()).hasSize(2);
        }
    }

    @Test
    void secondStreamForTheSameAggregateFailsWithAggregateStreamCreationException() {
        String notebook = newAggregateId();
        inTransaction(() -> engine.appendEvents(event(notebook, 0)));

        assertThatThrownBy(() -> inTransaction(() -> engine.appendEvents(event(notebook, 0))))
                .isInstanceOf(AggregateStreamCreationException.class);
    }

    @Test
    void latestSnapshotWins() {
        String notebook = newAggregateId();
        assertThat(engine.readSnapshot(notebook)).isEmpty();
        inTransaction(() -> engine.storeSnapshot(snapshot(notebook, 10, 3)));
        inTransaction(() -> engine.storeSnapshot(snapshot(notebook, 20, 7)));

        DomainEventMessage<?> snapshot = engine.readSnapshot(notebook).orElseThrow();

        assertThat(snapshot.getSequenceNumber()).isEqualTo(20);
        assertThat(snapshot.getPayload()).isEqualTo(new NotebookState(notebook, 7));
    }

    @Test
    void trackingReadSeesAllEventsInGlobalOrderAcrossBatches() {
        TrackingToken head = engine.createHeadToken();
        String a = newAggregateId();
        String b = newAggregateId();
        List<String> appended = new ArrayList<>();
        // More than one batch (EventDatabase.BATCH_SIZE), interleaving two aggregates over many transactions.
        int perAggregate = EventDatabase.BATCH_SIZE * 3 / 4;
        for (int seq = 0; seq < perAggregate; seq += 50) {
            int from = seq;
            List<EventMessage<?>> batch = new ArrayList<>();
            for (int s = from; s < from + 50; s++) {
                batch.add(event(a, s));
                batch.add(event(b, s));
            }
            inTransaction(() -> engine.appendEvents(batch));
            batch.forEach(event -> appended.add(event.getIdentifier()));
        }

        List<? extends TrackedEventMessage<?>> tracked = engine.readEvents(head, false)
                                                               .limit(appended.size() + 1)
                                                               .toList();

        assertThat(tracked).extracting(EventMessage::getIdentifier).containsExactlyElementsOf(appended);
        List<Long> positions = tracked.stream().map(e -> e.trackingToken().position().orElseThrow()).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void tokenStoreClaimsStoresAndFetches() {
        String processor = "projection-" + UUID.randomUUID();
        TokenStore tokens = database.tokenStore(serializer);
        TokenStore otherNode = JdbcTokenStore.builder()
                                             .connectionProvider(database.connectionProvider())
                                             .serializer(serializer)
                                             .nodeId("another-quire-node")
                                             .build();
        inTransaction(() -> tokens.initializeTokenSegments(processor, 2));

        TrackingToken stored = new GlobalSequenceTrackingToken(42);
        inTransaction(() -> {
            tokens.fetchToken(processor, 0);
            tokens.storeToken(stored, processor, 0);
        });

        assertThat(tokens.fetchSegments(processor)).containsExactly(0, 1);
        assertThat(database.transactionManager().fetchInTransaction(() -> tokens.fetchToken(processor, 0)))
                .isEqualTo(stored);
        assertThat(database.transactionManager().fetchInTransaction(() -> tokens.fetchToken(processor, 1))).isNull();
        assertThatThrownBy(() -> inTransaction(() -> otherNode.fetchToken(processor, 0)))
                .isInstanceOf(UnableToClaimTokenException.class);

        inTransaction(() -> tokens.releaseClaim(processor, 0));
        assertThat(database.transactionManager().fetchInTransaction(() -> otherNode.fetchToken(processor, 0)))
                .isEqualTo(stored);
    }

    @Test
    void closingGivesUpTheClaimsTheHandleStillHolds() throws Exception {
        String processor = "projection-" + UUID.randomUUID();
        TokenStore nextNode = database.tokenStore(serializer);
        try (EventDatabase closing = openAgain()) {
            TokenStore tokens = closing.tokenStore(serializer);
            closing.transactionManager().executeInTransaction(() -> {
                tokens.initializeTokenSegments(processor, 1);
                tokens.fetchToken(processor, 0);
            });
            // Left claimed, as Axon leaves it when a processor is shut down while it starts.
            assertThatThrownBy(() -> inTransaction(() -> nextNode.fetchToken(processor, 0)))
                    .isInstanceOf(UnableToClaimTokenException.class);
        }

        assertThat(tokenOwners(processor)).singleElement().isNull();
        assertThat(database.transactionManager().fetchInTransaction(() -> nextNode.fetchToken(processor, 0)))
                .isNull();
    }

    private List<String> tokenOwners(String processor) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT owner FROM TokenEntry WHERE processorName = ?")) {
            query.setString(1, processor);
            List<String> owners = new java.util.ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    owners.add(rows.getString(1));
                }
            }
            return owners;
        }
    }

    @Test
    void storageEngineAndTokenStoreCanBeCreatedAgainOnExistingTables() {
        String notebook = newAggregateId();
        inTransaction(() -> engine.appendEvents(event(notebook, 0)));

        EventStorageEngine again = database.storageEngine(serializer);
        database.tokenStore(serializer);

        assertThat(again.readEvents(notebook).asStream()).hasSize(1);
    }

    protected static String newAggregateId() {
        return "nb-" + UUID.randomUUID();
    }

    protected static CellEdited edit(String notebook, int seq) {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("collapsed", seq % 2 == 0);
        metadata.putArray("tags").add("parameters").add("seq-" + seq);
        return new CellEdited(notebook, "cell-" + seq, "print(" + seq + ")",
                              metadata, Instant.parse("2024-05-01T10:15:30.123456789Z").plusSeconds(seq));
    }

    protected static DomainEventMessage<?> event(String notebook, long seq) {
        return new GenericDomainEventMessage<>("Notebook", notebook, seq, edit(notebook, (int) seq),
                                               Map.of("user", "alice"));
    }

    private static DomainEventMessage<?> snapshot(String notebook, long seq, int cells) {
        return new GenericDomainEventMessage<>("Notebook", notebook, seq, new NotebookState(notebook, cells));
    }

    protected void inTransaction(Runnable work) {
        database.transactionManager().executeInTransaction(work);
    }

    private long countFromAnotherThread(String notebook) throws Exception {
        return threads.submit(() -> engine.readEvents(notebook).asStream().count()).get(30, TimeUnit.SECONDS);
    }

    private void waitUntilSomeTransactionWaitsForALock() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection connection = database.dataSource().getConnection()) {
            while (!someTransactionWaitsForALock(connection)) {
                assertThat(System.nanoTime()).as("the second writer never blocked on the first").isLessThan(deadline);
                Thread.sleep(5);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("latch released in time").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("writers did not meet at the barrier", e);
        }
    }
}
