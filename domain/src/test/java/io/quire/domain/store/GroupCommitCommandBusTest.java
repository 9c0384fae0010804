package io.quire.domain.store;

import io.quire.domain.serialization.QuireJson;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Commands waiting for one aggregate share a transaction, and a rejected one costs its neighbours nothing. */
class GroupCommitCommandBusTest {

    record OpenTally(String tallyId) {
    }

    record Count(@TargetAggregateIdentifier String tallyId) {
    }

    /** Waits, inside its handler, until the test lets it go: the commands sent meanwhile queue up. */
    record CountSlowly(@TargetAggregateIdentifier String tallyId) {
    }

    record Refuse(@TargetAggregateIdentifier String tallyId) {
    }

    record TallyOpened(String tallyId) {
    }

    record Counted(String tallyId) {
    }

    static final CountDownLatch slowEntered = new CountDownLatch(1);
    static final CountDownLatch slowReleased = new CountDownLatch(1);

    static class Tally {
        @AggregateIdentifier
        private String tallyId;

        Tally() {
        }

        @CommandHandler
        Tally(OpenTally command) {
            apply(new TallyOpened(command.tallyId()));
        }

        @CommandHandler
        void handle(Count command) {
            apply(new Counted(tallyId));
        }

        @CommandHandler
        void handle(CountSlowly command) throws InterruptedException {
            slowEntered.countDown();
            slowReleased.await(30, TimeUnit.SECONDS);
            apply(new Counted(tallyId));
        }

        @CommandHandler
        void handle(Refuse command) {
            throw new IllegalStateException("refused");
        }

        @EventSourcingHandler
        void on(TallyOpened event) {
            tallyId = event.tallyId();
        }
    }

    /** Counts the transactions that commit to the database (not the ones that join them). */
    static final class CountingTransactions implements TransactionManager {
        final TransactionManager delegate;
        final AtomicInteger outermost = new AtomicInteger();
        final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);

        CountingTransactions(TransactionManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public Transaction startTransaction() {
            if (depth.get() == 0) {
                outermost.incrementAndGet();
            }
            depth.set(depth.get() + 1);
            Transaction transaction = delegate.startTransaction();
            return new Transaction() {
                @Override
                public void commit() {
                    depth.set(depth.get() - 1);
                    transaction.commit();
                }

                @Override
                public void rollback() {
                    depth.set(depth.get() - 1);
                    transaction.rollback();
                }
            };
        }
    }

    @TempDir
    Path data;
    private EventDatabase db;
    private EventStorageEngine engine;
    private CountingTransactions transactions;
    private Configuration axon;
    private final ExecutorService groups = Executors.newCachedThreadPool();

    @BeforeEach
    void start() {
        db = EventDatabase.openDirectory(data);
        Serializer json = QuireJson.serializer();
        engine = db.storageEngine(json);
        transactions = new CountingTransactions(db.transactionManager());
        axon = DefaultConfigurer.defaultConfiguration(false)
                                .configureSerializer(c -> json)
                                .configureEventSerializer(c -> json)
                                .configureMessageSerializer(c -> json)
                                .configureTransactionManager(c -> transactions)
                                .configureEmbeddedEventStore(c -> engine)
                                .configureCommandBus(c -> new GroupCommitCommandBus(
                                        SimpleCommandBus.builder().transactionManager(transactions).build(),
                                        transactions, CommandTargets::aggregateOf, groups))
                                .configureAggregate(Tally.class)
                                .buildConfiguration();
        axon.start();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
        groups.shutdownNow();
        db.close();
    }

    @Test
    void concurrentCommandsOnOneAggregateAreAllCommittedInFewerTransactions() throws Exception {
        CommandGateway commands = axon.commandGateway();
        commands.sendAndWait(new OpenTally("t-1"));
        int before = transactions.outermost.get();
        List<CompletableFuture<Void>> editors = new ArrayList<>();
        for (int editor = 0; editor < 8; editor++) {
            editors.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 200; i++) {
                    commands.sendAndWait(new Count("t-1"));
                }
            }, groups));
        }
        CompletableFuture.allOf(editors.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(db.eventCount()).isEqualTo(1 + 8 * 200);
        assertThat(transactions.outermost.get() - before).isLessThan(8 * 200);
    }

    @Test
    void aRefusedCommandIsRefusedAloneAndItsNeighboursAreCommitted() throws Exception {
        CommandGateway commands = axon.commandGateway();
        commands.sendAndWait(new OpenTally("t-2"));
        CompletableFuture<Object> slow = CompletableFuture.supplyAsync(
                () -> commands.sendAndWait(new CountSlowly("t-2")), groups);
        assertThat(slowEntered.await(30, TimeUnit.SECONDS)).isTrue();
        // These three queue behind the slow one and are then handled as one group.
        CompletableFuture<Object> first = commands.send(new Count("t-2"));
        CompletableFuture<Object> refused = commands.send(new Refuse("t-2"));
        CompletableFuture<Object> last = commands.send(new Count("t-2"));
        slowReleased.countDown();

        slow.get(30, TimeUnit.SECONDS);
        first.get(30, TimeUnit.SECONDS);
        last.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                                                                   .hasRootCauseMessage("refused");
        assertThat(CompletableFuture.supplyAsync(() -> engine.readEvents("t-2").asStream().count())
                                    .get(10, TimeUnit.SECONDS)).isEqualTo(4);
    }
}
