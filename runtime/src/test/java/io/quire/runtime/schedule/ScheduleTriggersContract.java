package io.quire.runtime.schedule;

import io.quire.domain.schedule.MisfirePolicy;
import io.quire.domain.schedule.ScheduleDefinition;
import io.quire.runtime.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every store of {@link ScheduleTriggers} must do, with real Quartz and real time. */
abstract class ScheduleTriggersContract {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleTriggersContract.class);

    protected final RecordingLauncher launcher = new RecordingLauncher();
    protected final RecordingListener listener = new RecordingListener();
    private final List<ScheduleTriggers> nodes = new ArrayList<>();

    /** A new node on this store (not started). */
    protected abstract ScheduleTriggers newNode(String nodeId, RunLauncher launcher, ScheduleListener listener);

    protected final ScheduleTriggers node(String nodeId, RunLauncher launcher, ScheduleListener listener) {
        ScheduleTriggers node = newNode(nodeId, launcher, listener);
        nodes.add(node);
        return node;
    }

    protected final ScheduleTriggers startedNode() {
        ScheduleTriggers node = node("a", launcher, listener);
        node.start();
        return node;
    }

    @AfterEach
    void closeNodes() {
        for (ScheduleTriggers node : nodes) {
            node.close();
        }
    }

    /**
     * Puts a schedule firing once, at a whole second soon, and returns that second. A cron trigger starts with the
     * next whole second after the put, so a put slower than the lead (a cold JVM, a loaded machine) leaves a
     * once-at cron with no fire time at all; such a put is tried again with a later second.
     */
    static Instant putOnceSoon(ScheduleTriggers node, String scheduleId, MisfirePolicy misfire, int maxConcurrentRuns,
                               int retries, Duration backoff) {
        for (int tries = 1; ; tries++) {
            Instant at = TestSchedules.wholeSecondAfter(Duration.ofMillis(1000));
            node.put(scheduleId, TestSchedules.definition(TestSchedules.onceAt(at), misfire, maxConcurrentRuns,
                    retries, backoff), false);
            if (node.nextFireTime(scheduleId).filter(at::equals).isPresent()) {
                return at;
            }
            assertThat(tries).as("puts that ended after their fire time had started").isLessThan(5);
            LOG.info("putting schedule {} ended after {} began; trying a later second", scheduleId, at);
        }
    }

    static void logLatencies(String store, List<ScheduleFiring> firings) {
        List<Long> millis = firings.stream()
                .map(f -> Duration.between(f.scheduledFor(), f.firedAt()).toMillis()).sorted().toList();
        LOG.info("{} trigger latency (firedAt - scheduledFor) over {} firings: min {} ms, median {} ms, max {} ms",
                store, millis.size(), millis.get(0), millis.get(millis.size() / 2), millis.get(millis.size() - 1));
    }

    @Test
    void firesEverySecondWithItsDefinition() {
        ScheduleTriggers node = startedNode();
        node.put("s1", TestSchedules.everySecond(), false);

        // A firing over the 1 s misfire threshold late (a loaded machine) is skipped (SKIP): wait for two in a row.
        Await.until("two firings a second apart", Duration.ofSeconds(20),
                () -> oneSecondApart(launcher.firings()));
        List<ScheduleFiring> firings = launcher.firings();
        for (ScheduleFiring firing : firings) {
            assertThat(firing.scheduleId()).isEqualTo("s1");
            assertThat(firing.definition()).isEqualTo(TestSchedules.everySecond());
            assertThat(firing.attempt()).isEqualTo(1);
            assertThat(firing.scheduledFor().toEpochMilli() % 1000).as("cron instants are whole seconds").isZero();
            assertThat(firing.firedAt()).isAfterOrEqualTo(firing.scheduledFor());
        }
        assertThat(firings).extracting(ScheduleFiring::scheduledFor).as("each fire time once").doesNotHaveDuplicates();
        logLatencies(getClass().getSimpleName(), firings);
    }

    /** Whether two successive firings are for successive seconds. */
    private static boolean oneSecondApart(List<ScheduleFiring> firings) {
        for (int i = 0; i + 1 < firings.size(); i++) {
            if (Duration.between(firings.get(i).scheduledFor(), firings.get(i + 1).scheduledFor())
                    .equals(Duration.ofSeconds(1))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void pausedSchedulesDoNotFireResumedOnesDoAndRemovedOnesAreGone() {
        ScheduleTriggers node = startedNode();
        node.put("s1", TestSchedules.everySecond(), false);
        Await.until("a firing", Duration.ofSeconds(20), () -> launcher.firings().size() >= 1);

        assertThat(node.pause("s1")).isTrue();
        // A firing already handed to a worker may still reach the launcher, however late: it is for an earlier
        // fire time. Nothing for a later one may come.
        Instant paused = Instant.now();
        assertThat(node.nextFireTime("s1")).isEmpty();
        assertThat(node.scheduleIds()).containsExactly("s1");
        Await.holdsThroughout("no firing while paused", Duration.ofMillis(1000),
                () -> firedFor(launcher.firings(), paused) == 0);

        assertThat(node.resume("s1")).isTrue();
        assertThat(node.resume("s1")).as("resuming an active schedule changes nothing").isTrue();
        assertThat(node.nextFireTime("s1")).isPresent();
        Await.until("a firing after resuming", Duration.ofSeconds(20), () -> firedFor(launcher.firings(), paused) > 0);

        assertThat(node.remove("s1")).isTrue();
        Instant removed = Instant.now();
        Await.holdsThroughout("no firing once removed", Duration.ofMillis(1000),
                () -> firedFor(launcher.firings(), removed) == 0);
        assertThat(node.scheduleIds()).isEmpty();
        assertThat(node.pause("s1")).isFalse();
        assertThat(node.resume("s1")).isFalse();
        assertThat(node.remove("s1")).isFalse();
    }

    /** How many of {@code firings} are for a fire time after {@code instant}. */
    private static long firedFor(List<ScheduleFiring> firings, Instant instant) {
        return firings.stream().filter(firing -> firing.scheduledFor().isAfter(instant)).count();
    }

    @Test
    void aFiringWhileTheLimitOfRunsIsGoingIsSkippedAndReported() {
        List<CompletableFuture<RunEnd>> runs = new java.util.concurrent.CopyOnWriteArrayList<>();
        launcher.answerWith(firing -> {
            CompletableFuture<RunEnd> run = new CompletableFuture<>();
            runs.add(run);
            return run;
        });
        ScheduleTriggers node = startedNode();
        node.put("s1", TestSchedules.definition(TestSchedules.EVERY_SECOND, MisfirePolicy.SKIP, 1, 0, null), false);

        Await.until("one run launched and a firing skipped", Duration.ofSeconds(20),
                () -> launcher.firings().size() == 1 && !listener.skips.isEmpty());
        RecordingListener.Skip skip = listener.skips.get(0);
        assertThat(skip.reason()).contains("1 run of schedule", "(s1) still going, at most 1 at a time");
        assertThat(skip.firing().scheduledFor()).isAfter(launcher.firings().get(0).scheduledFor());

        runs.get(0).complete(new RunEnd("r1", true, "ok"));
        Await.until("the next firing launches once the run ended", Duration.ofSeconds(20),
                () -> launcher.firings().size() == 2);
        assertThat(launcher.firings().get(1).scheduledFor()).isAfter(skip.firing().scheduledFor());
    }

    @Test
    void aFailedRunIsRetriedWithDoublingBackoffThenGivenUp() {
        Duration backoff = Duration.ofMillis(100);
        launcher.answerWith(firing -> {
            if (firing.attempt() == 2) {
                throw new IllegalStateException("no kernel available");
            }
            return CompletableFuture.completedFuture(new RunEnd("r" + firing.attempt(), false, "cell c3 failed"));
        });
        ScheduleTriggers node = startedNode();
        Instant at = putOnceSoon(node, "s1", MisfirePolicy.SKIP, 5, 3, backoff);

        Await.until("the firing and its 3 retries", Duration.ofSeconds(20), () -> launcher.firings().size() == 4);
        Await.holdsThroughout("no fifth attempt", Duration.ofMillis(500), () -> launcher.firings().size() == 4);
        List<ScheduleFiring> attempts = launcher.firings();
        assertThat(attempts).extracting(ScheduleFiring::attempt).containsExactly(1, 2, 3, 4);
        assertThat(attempts).extracting(ScheduleFiring::scheduledFor).containsOnly(at);
        for (int i = 1; i < attempts.size(); i++) {
            Duration gap = Duration.between(attempts.get(i - 1).firedAt(), attempts.get(i).firedAt());
            assertThat(gap).as("gap before attempt %d", i + 1)
                    .isGreaterThanOrEqualTo(backoff.multipliedBy(1L << (i - 1)).minusMillis(2));
        }
        assertThat(listener.retries).extracting(r -> r.failed().attempt()).containsExactly(1, 2, 3);
        assertThat(listener.retries.get(1).end().detail()).contains("no kernel available");
        assertThat(listener.exhausted).extracting(ScheduleFiring::attempt).containsExactly(4);
    }

    @Test
    void aRetryOfARunThatFailsWhileTheScheduleIsPausedIsSkipped() {
        CompletableFuture<RunEnd> run = new CompletableFuture<>();
        launcher.answerWith(firing -> run);
        ScheduleTriggers node = startedNode();
        // RUN_ONCE: a firing more than the 1 s misfire threshold late (a loaded CI machine) is still launched, not
        // dropped as SKIP would; this test is about the retry.
        putOnceSoon(node, "s1", MisfirePolicy.RUN_ONCE, 1, 2, Duration.ofMillis(50));
        Await.until("the run launched", Duration.ofSeconds(20), () -> launcher.firings().size() == 1);

        node.pause("s1");
        run.complete(new RunEnd("r1", false, "cell c1 failed"));
        Await.until("its retry skipped", Duration.ofSeconds(20), () -> !listener.skips.isEmpty());
        assertThat(listener.skips.get(0).reason()).contains("is paused");
        assertThat(listener.skips.get(0).firing().attempt()).isEqualTo(2);
        assertThat(launcher.firings()).hasSize(1);
    }

    @Test
    void puttingTheSameTimingKeepsTheTriggerAndANewTimingReplacesIt() throws InterruptedException {
        ScheduleTriggers node = startedNode();
        ScheduleDefinition hourly = TestSchedules.definition("0 0 * * * ?", MisfirePolicy.SKIP, 1, 0, null);
        node.put("s1", hourly, false);
        Trigger first = node.cronTrigger("s1");
        // Quartz keeps a cron trigger's start time in whole seconds: a replacement must start in a later second.
        TestSchedules.sleepUntil(TestSchedules.wholeSecondAfter(Duration.ZERO).plusMillis(10));
        node.put("s1", TestSchedules.definition("0 0 * * * ?", MisfirePolicy.SKIP, 3, 1, Duration.ofSeconds(1)),
                false);
        assertThat(node.cronTrigger("s1").getStartTime()).as("kept").isEqualTo(first.getStartTime());

        node.put("s1", TestSchedules.definition("0 30 * * * ?", MisfirePolicy.SKIP, 1, 0, null), false);
        assertThat(node.cronTrigger("s1").getStartTime()).as("replaced").isAfter(first.getStartTime());
        assertThat(node.nextFireTime("s1")).hasValueSatisfying(
                next -> assertThat(next.atZone(java.time.ZoneOffset.UTC).getMinute()).isEqualTo(30));

        node.put("s1", hourly, true);
        assertThat(node.nextFireTime("s1")).isEmpty();
        node.put("s1", hourly, false);
        assertThat(node.nextFireTime("s1")).isPresent();

        node.put("s2", hourly, true);
        node.put("past", TestSchedules.definition("0 0 0 1 1 ? 2020", MisfirePolicy.SKIP, 1, 0, null), false);
        assertThat(node.nextFireTime("past")).as("a cron with no fire time left").isEmpty();
        assertThat(node.scheduleIds()).containsExactly("past", "s1", "s2");
        node.retainOnly(Set.of("s2"));
        assertThat(node.scheduleIds()).containsExactly("s2");
    }

    @Test
    void anInvalidDefinitionIsRefusedWithWhatToChange() {
        ScheduleTriggers node = startedNode();
        assertThatThrownBy(() -> node.put("s1", TestSchedules.definition("61 * * * * ?", MisfirePolicy.SKIP, 1, 0,
                null), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schedule s1: cron '61 * * * * ?' is not a valid Quartz cron expression");
        assertThatThrownBy(() -> node.put("s1", TestSchedules.definition(TestSchedules.EVERY_SECOND,
                MisfirePolicy.SKIP, 0, 0, null), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max concurrent runs is 0");
        assertThat(node.scheduleIds()).isEmpty();
    }
}
