package io.quire.bench.runs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quire.bench.Progress;
import io.quire.bench.Samples;
import io.quire.bench.store.BenchStore;
import io.quire.domain.run.event.RunCellStarted;
import io.quire.domain.run.event.RunRequested;
import io.quire.domain.schedule.MisfirePolicy;
import io.quire.domain.schedule.ScheduleDefinition;
import io.quire.domain.schedule.VersionPolicy;
import io.quire.gateway.Quire;
import io.quire.gateway.notebook.Notebooks;
import io.quire.projections.runs.RunSummary;
import io.quire.projections.schedules.ScheduleView;
import org.axonframework.eventhandling.DomainEventMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Schedule trigger to first cell started: a schedule firing every second (Quartz in memory, as {@code quire serve}
 * on the embedded store) runs the benchmark notebook from the warm pool; for each run, the time from its fire time
 * to its first RunCellStarted event. Fire times of a per-second cron are whole seconds, so a run's fire time is its
 * request's time truncated to the second (exact while the request follows the fire time by under a second; runs
 * requested later than that are counted as unmeasurable, not guessed).
 */
final class ScheduleTriggerLatency {

    private final int runs;

    ScheduleTriggerLatency(int runs) {
        this.runs = runs;
    }

    /** @param unmeasured runs whose request came a second or more after a whole second */
    record Result(Samples latency, int unmeasured) {
    }

    Result run(BenchStore store, Path notebook) throws Exception {
        try (RunNode node = new RunNode(store, notebook, 2)) {
            Quire quire = node.quire();
            String notebookId = new Notebooks(quire).importNotebook(Files.readAllBytes(notebook),
                    notebook.getFileName().toString(), "bench/scheduled.ipynb", "bench");
            node.prepare();
            node.awaitQuiet();
            quire.startScheduling("bench");
            ScheduleView schedule = quire.schedules().create(new ScheduleDefinition(notebookId, "bench",
                    "* * * * * ?", ZoneOffset.UTC, JsonNodeFactory.instance.objectNode().put(RunNotebook.PARAMETER,
                    RunNotebook.VALUE), null, VersionPolicy.latest(), MisfirePolicy.SKIP, 1, 0, Duration.ofSeconds(1),
                    null, null), "bench");
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            List<RunSummary> ended;
            do {
                Thread.sleep(200);
                quire.awaitProjections(Duration.ofSeconds(30));
                ended = quire.runProjections().history().ofSchedule(schedule.scheduleId(), 1000).stream()
                        .filter(run -> run.status().ended()).toList();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + ended.size() + " scheduled runs ended in 3 minutes");
                }
            } while (ended.size() < runs);
            quire.schedules().pause(schedule.scheduleId(), "bench");
            Progress.say("quire", "schedule", "%d scheduled runs ended", ended.size());
            long[] latencies = new long[runs];
            int measured = 0;
            int unmeasured = 0;
            for (RunSummary run : ended.subList(0, runs)) {
                Optional<Duration> latency = latency(quire, run.runId());
                if (latency.isPresent()) {
                    latencies[measured++] = latency.get().toNanos();
                } else {
                    unmeasured++;
                }
            }
            return new Result(Samples.of(java.util.Arrays.copyOf(latencies, measured)), unmeasured);
        }
    }

    private static Optional<Duration> latency(Quire quire, String runId) {
        Instant requested = null;
        Instant firstCell = null;
        for (DomainEventMessage<?> event : quire.eventStore().readEvents(runId).asStream().toList()) {
            if (event.getPayload() instanceof RunRequested) {
                requested = event.getTimestamp();
            } else if (event.getPayload() instanceof RunCellStarted && firstCell == null) {
                firstCell = event.getTimestamp();
            }
        }
        if (requested == null || firstCell == null) {
            return Optional.empty();
        }
        Instant fireTime = requested.truncatedTo(ChronoUnit.SECONDS);
        return Duration.between(fireTime, requested).toMillis() >= 900 ? Optional.empty()
                : Optional.of(Duration.between(fireTime, firstCell));
    }
}
