package io.quire.runtime.schedule;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;

/** Quartz's tables, created from the jar's DDL by whichever node starts first, on a real PostgreSQL. */
class QuartzTablesTest {

    private PostgresSchema schema;
    private final List<ScheduleTriggers> nodes = new ArrayList<>();

    @BeforeEach
    void createSchema() throws SQLException {
        schema = PostgresSchema.create();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        nodes.forEach(ScheduleTriggers::close);
        schema.drop();
    }

    @Test
    void nodesStartingTogetherOnAnEmptySchemaCreateTheTablesOnce() throws Exception {
        CyclicBarrier together = new CyclicBarrier(3);
        List<CompletableFuture<ScheduleTriggers>> starting = new ArrayList<>();
        for (String nodeId : List.of("a", "b", "c")) {
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return ScheduleTriggers.clustered(schema.store(), nodeId, new RecordingLauncher(),
                        ScheduleListener.NONE);
            }));
        }
        for (CompletableFuture<ScheduleTriggers> node : starting) {
            nodes.add(node.get());
        }
        assertThat(schema.count("SELECT count(*) FROM information_schema.tables WHERE table_schema = '{s}'"
                + " AND table_name LIKE 'qrtz\\_%'")).isEqualTo(11);

        nodes.get(0).put("s1", TestSchedules.everySecond(), true);
        assertThat(nodes.get(2).scheduleIds()).as("every node sees the same store").containsExactly("s1");
    }

    @Test
    void existingTablesAndTheirTriggersAreKept() throws Exception {
        ScheduleTriggers first = ScheduleTriggers.clustered(schema.store(), "a", new RecordingLauncher(),
                ScheduleListener.NONE);
        first.put("s1", TestSchedules.everySecond(), true);
        first.close();
        ScheduleTriggers second = ScheduleTriggers.clustered(schema.store(), "a", new RecordingLauncher(),
                ScheduleListener.NONE);
        nodes.add(second);
        assertThat(second.scheduleIds()).containsExactly("s1");
    }
}
