package io.quire.projections.schedules;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quire.domain.schedule.MisfirePolicy;
import io.quire.domain.schedule.Schedule;
import io.quire.domain.schedule.ScheduleDefinition;
import io.quire.domain.schedule.VersionPolicy;
import io.quire.domain.schedule.command.*;
import io.quire.domain.serialization.QuireJson;
import io.quire.domain.store.EventDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedules read model on the embedded H2 event database, fed by a real Axon tracking processor. */
class ScheduleProjectionTest {

    @TempDir
    Path dataDirectory;
    private EventDatabase database;
    private Configuration axon;
    private ScheduleProjections projections;

    @BeforeAll
    static void quietAxon() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
    }

    private void start(boolean rebuild) {
        database = EventDatabase.openDirectory(dataDirectory);
        Serializer serializer = QuireJson.serializer();
        projections = new ScheduleProjections(database.connectionProvider());
        if (rebuild) {
            projections.dropTables();
            database.resetTokens(ScheduleProjections.GROUP);
        }
        projections.createTables();
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> database.transactionManager())
                .configureEmbeddedEventStore(c -> database.storageEngine(serializer))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Schedule.class));
        configurer.eventProcessing().registerTokenStore(c -> database.tokenStore(serializer));
        projections.registerWith(configurer, true);
        axon = configurer.buildConfiguration();
        axon.start();
    }

    private void stop() {
        if (axon != null) {
            axon.shutdown();
            axon = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }

    @AfterEach
    void tearDown() {
        stop();
    }

    private CommandGateway commands() {
        return axon.commandGateway();
    }

    private static ScheduleDefinition definition(String name, String cron) {
        return new ScheduleDefinition("nb-1", name, cron, ZoneId.of("UTC"),
                JsonNodeFactory.instance.objectNode().put("day", "monday"), "python3", VersionPolicy.pinned(12),
                MisfirePolicy.SKIP, 2, 1, Duration.ofSeconds(30), Duration.ofMinutes(5), null);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void listsLiveSchedulesWithTheirStateAndForgetsDeletedOnes() throws Exception {
        start(false);
        ScheduleDefinition hourly = definition("hourly", "0 0 * * * ?");
        commands().sendAndWait(new CreateSchedule("s1", definition("daily", "0 0 6 * * ?"), "ann"));
        commands().sendAndWait(new CreateSchedule("s2", definition("weekly", "0 0 6 ? * MON"), "ann"));
        commands().sendAndWait(new CreateSchedule("s3", definition("doomed", "0 * * * * ?"), "ann"));
        commands().sendAndWait(new UpdateSchedule("s1", hourly, "bob"));
        commands().sendAndWait(new PauseSchedule("s2", "bob"));
        commands().sendAndWait(new DeleteSchedule("s3", "cat"));

        await("two schedules, s2 paused", () -> projections.schedules().all().size() == 2
                && projections.schedules().find("s2").map(ScheduleView::paused).orElse(false));
        Schedules schedules = projections.schedules();
        assertThat(schedules.find("s3")).isEmpty();
        ScheduleView s1 = schedules.find("s1").orElseThrow();
        assertThat(s1.definition()).isEqualTo(hourly);
        assertThat(s1.paused()).isFalse();
        assertThat(s1.createdBy()).isEqualTo("ann");
        assertThat(s1.updatedBy()).isEqualTo("bob");
        assertThat(s1.updatedAt()).isAfterOrEqualTo(s1.createdAt());
        assertThat(schedules.all()).extracting(ScheduleView::scheduleId).containsExactly("s1", "s2");
        assertThat(schedules.ofNotebook("nb-1")).hasSize(2);
        assertThat(schedules.ofNotebook("nb-2")).isEmpty();

        commands().sendAndWait(new ResumeSchedule("s2", "ann"));
        await("s2 resumed", () -> !schedules.find("s2").orElseThrow().paused());
    }

    @Test
    void rebuildsTheSameReadModelFromTheEvents() throws Exception {
        start(false);
        commands().sendAndWait(new CreateSchedule("s1", definition("daily", "0 0 6 * * ?"), "ann"));
        commands().sendAndWait(new CreateSchedule("s2", definition("weekly", "0 0 6 ? * MON"), "ann"));
        commands().sendAndWait(new PauseSchedule("s1", "bob"));
        commands().sendAndWait(new DeleteSchedule("s2", "bob"));
        await("s1 paused, s2 gone", () -> projections.schedules().all().size() == 1
                && projections.schedules().find("s1").orElseThrow().paused());
        List<ScheduleView> before = projections.schedules().all();
        stop();

        start(true);
        assertThat(projections.schedules().all()).as("dropped for the rebuild").isEmpty();
        await("rebuilt", () -> projections.schedules().all().equals(before));
        stop();

        start(false);
        commands().sendAndWait(new CreateSchedule("s3", definition("again", "0 0 7 * * ?"), "ann"));
        await("resumed after restart, not replayed", () -> projections.schedules().all().size() == 2);
        assertThat(projections.schedules().find("s1")).contains(before.get(0));
    }
}
