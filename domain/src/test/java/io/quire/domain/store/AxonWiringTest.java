package io.quire.domain.store;

import io.quire.domain.serialization.QuireJson;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The wiring shown in {@link EventDatabase}'s javadoc works end to end: commands commit, processors track. */
class AxonWiringTest {

    record OpenTally(String tallyId) {
    }

    record Count(@TargetAggregateIdentifier String tallyId) {
    }

    record TallyOpened(String tallyId) {
    }

    record Counted(String tallyId) {
    }

    /** A minimal event-sourced aggregate. */
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

        @EventSourcingHandler
        void on(TallyOpened event) {
            tallyId = event.tallyId();
        }
    }

    /** A tracking projection that counts what it sees. */
    static class CountedProjection {
        final CountDownLatch seen = new CountDownLatch(3);

        @EventHandler
        void on(Counted event) {
            seen.countDown();
        }
    }

    @Test
    void commandsAreCommittedAndTrackingProcessorsStoreTheirTokens(@TempDir Path data) throws Exception {
        CountedProjection projection = new CountedProjection();
        try (EventDatabase db = EventDatabase.openDirectory(data)) {
            Serializer json = QuireJson.serializer();
            EventStorageEngine engine = db.storageEngine(json);
            TokenStore tokens = db.tokenStore(json);
            var configurer = DefaultConfigurer.defaultConfiguration(false)
                                              .configureSerializer(c -> json)
                                              .configureEventSerializer(c -> json)
                                              .configureMessageSerializer(c -> json)
                                              .configureTransactionManager(c -> db.transactionManager())
                                              .configureEmbeddedEventStore(c -> engine)
                                              .configureAggregate(Tally.class);
            configurer.eventProcessing()
                      .registerTokenStore(c -> tokens)
                      .registerTrackingEventProcessor("tallies")
                      .registerEventHandler(c -> projection)
                      .assignHandlerInstancesMatching("tallies", projection::equals);
            Configuration axon = configurer.buildConfiguration();
            axon.start();
            try {
                CommandGateway commands = axon.commandGateway();
                commands.sendAndWait(new OpenTally("t-1"));
                for (int i = 0; i < 3; i++) {
                    commands.sendAndWait(new Count("t-1"));
                }

                assertThat(CompletableFuture.supplyAsync(() -> engine.readEvents("t-1").asStream().count())
                                            .get(10, TimeUnit.SECONDS)).isEqualTo(4);
                assertThat(projection.seen.await(30, TimeUnit.SECONDS)).as("the projection saw every event").isTrue();
            } finally {
                axon.shutdown();
            }
            TrackingToken stored = db.transactionManager().fetchInTransaction(() -> tokens.fetchToken("tallies", 0));
            assertThat(stored).isNotNull();
            assertThat(stored.position().orElseThrow()).isGreaterThanOrEqualTo(3);
        }
    }
}
