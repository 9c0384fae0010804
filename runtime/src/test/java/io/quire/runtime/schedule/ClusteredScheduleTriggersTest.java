package io.quire.runtime.schedule;

import io.quire.domain.schedule.MisfirePolicy;
import io.quire.domain.schedule.ScheduleDefinition;
import io.quire.runtime.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only a shared, durable store does, on a real PostgreSQL in a schema of its own per test: fire times missed
 * while every node was down, and two nodes sharing the triggers.
 */
class ClusteredScheduleTriggersTest {

    private final RecordingLauncher launcher = new RecordingLauncher();
    private final RecordingListener listener = new RecordingListener();
    private final List<ScheduleTriggers> nodes = new ArrayList<>();
    private PostgresSchema schema;

    @BeforeEach
    void createSchema() throws SQLException {
        schema = PostgresSchema.create();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        nodes.forEach(ScheduleTriggers::close);
        schema.drop();
    }

    private ScheduleTriggers node(String nodeId, RunLauncher launcher, ScheduleListener listener) {
        ScheduleTriggers node = ScheduleTriggers.clustered(schema.store(), nodeId, launcher, listener);
        nodes.add(node);
        return node;
    }

    @Test
    void missedFireTimesAreSkippedOrRunOnceAfterDowntime() throws Exception {
        // The first node stores both triggers and goes down before their one fire time (it never starts, so the
        // test does not depend on how long closing takes).
        ScheduleTriggers before = ScheduleTriggers.clustered(schema.store(), "a", launcher, listener);
        Instant missed;
        ScheduleDefinition skip;
        ScheduleDefinition once;
        // Puts that end after the fire time (a cold JVM, JDBC on a loaded machine) leave crons with no fire time to
        // miss: put them again for a later second.
        for (int tries = 1; ; tries++) {
            missed = TestSchedules.wholeSecondAfter(Duration.ofMillis(1000));
            skip = TestSchedules.definition(TestSchedules.onceAt(missed), MisfirePolicy.SKIP, 1, 0, null);
            once = TestSchedules.definition(TestSchedules.onceAt(missed), MisfirePolicy.RUN_ONCE, 1, 0, null);
            before.put("skip", skip, false);
            before.put("once", once, false);
            if (before.nextFireTime("skip").filter(missed::equals).isPresent()
                    && before.nextFireTime("once").filter(missed::equals).isPresent()) {
                break;
            }
            assertThat(tries).as("puts that ended after their fire time had started").isLessThan(5);
        }
        before.close();

        // Down past the fire time and past the misfire threshold (1 s).
        TestSchedules.sleepUntil(missed.plusMillis(1300));
        ScheduleTriggers after = node("a", launcher, listener);
        after.put("skip", skip, false); // the re-sync a restart does must keep the missed fire time
        after.put("once", once, false);
        Instant restarted = Instant.now();
        after.start();

        Await.until("the RUN_ONCE schedule caught up", Duration.ofSeconds(20), () -> !launcher.firings("once").isEmpty());
        Await.holdsThroughout("once only, and nothing for SKIP", Duration.ofMillis(1000),
                () -> launcher.firings("once").size() == 1 && launcher.firings("skip").isEmpty());
        ScheduleFiring caughtUp = launcher.firings("once").get(0);
        assertThat(caughtUp.scheduledFor()).as("the moment it caught up").isAfter(missed);
        assertThat(caughtUp.firedAt()).isAfterOrEqualTo(restarted);
        assertThat(launcher.firings()).as("nothing fired while down").hasSize(1);
    }

    @Test
    void twoNodesLaunchEveryFireTimeExactlyOnce() throws Exception {
        Map<Instant, Queue<String>> launches = new ConcurrentHashMap<>();
        List<ScheduleTriggers> cluster = new ArrayList<>();
        List<RecordingLauncher> launchers = new ArrayList<>();
        for (String nodeId : List.of("a", "b")) {
            RecordingLauncher nodeLauncher = new RecordingLauncher();
            nodeLauncher.answerWith(firing -> {
                launches.computeIfAbsent(firing.scheduledFor(), t -> new ConcurrentLinkedQueue<>()).add(nodeId);
                return java.util.concurrent.CompletableFuture.completedFuture(new RunEnd("r", true, "ok"));
            });
            ScheduleTriggers node = node(nodeId, nodeLauncher, listener);
            node.put("s1", TestSchedules.everySecond(), false); // every node re-syncs the same definitions
            cluster.add(node);
            launchers.add(nodeLauncher);
        }
        assertThat(schema.count("SELECT count(*) FROM {s}.qrtz_triggers")).as("one trigger for both nodes").isEqualTo(1);
        cluster.forEach(ScheduleTriggers::start);

        // Some fire times with both nodes up; a loaded machine may take a while to start clustered nodes.
        Thread.sleep(3000);
        Await.until("two fire times launched with both nodes up", Duration.ofSeconds(30), () -> launches.size() >= 2);
        TreeMap<Instant, Queue<String>> bothUp = new TreeMap<>(launches);
        cluster.get(0).close(); // node a leaves cleanly, releasing what it had acquired: b carries on alone
        Instant aLeft = Instant.now();
        Await.until("b launches once a has left", Duration.ofSeconds(15),
                () -> launchers.get(1).firings().stream().anyMatch(firing -> firing.firedAt().isAfter(aLeft)));
        cluster.get(1).close();

        assertThat(bothUp).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Duration.between(bothUp.firstKey(), bothUp.lastKey()).toSeconds() + 1)
                .as("no fire time missed while both nodes ran").isEqualTo(bothUp.size());
        new TreeMap<>(launches).forEach((instant, nodes) -> assertThat(nodes).as("launches for %s", instant).hasSize(1));
        List<ScheduleFiring> all = new ArrayList<>(launchers.get(0).firings());
        all.addAll(launchers.get(1).firings());
        ScheduleTriggersContract.logLatencies("clustered PostgreSQL, 2 nodes (a: " + launchers.get(0).firings().size() + ", b: "
                + launchers.get(1).firings().size() + " launches)", all);

        // A restarted node puts the same definition again: still one trigger, the same one.
        long started = schema.count("SELECT start_time FROM {s}.qrtz_triggers");
        ScheduleTriggers restarted = node("a", launcher, listener);
        restarted.put("s1", TestSchedules.everySecond(), false);
        assertThat(schema.count("SELECT count(*) FROM {s}.qrtz_triggers")).isEqualTo(1);
        assertThat(schema.count("SELECT count(*) FROM {s}.qrtz_job_details")).isEqualTo(1);
        assertThat(schema.count("SELECT start_time FROM {s}.qrtz_triggers")).isEqualTo(started);
    }
}
