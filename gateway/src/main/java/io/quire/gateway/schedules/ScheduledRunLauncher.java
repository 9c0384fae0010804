package io.quire.gateway.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.domain.run.RunSettings;
import io.quire.domain.run.RunTrigger;
import io.quire.domain.schedule.ScheduleDefinition;
import io.quire.domain.schedule.VersionPolicy;
import io.quire.gateway.Quire;
import io.quire.gateway.runs.RunRequest;
import io.quire.gateway.runs.Runs;
import io.quire.projections.notebook.LiveNotebook;
import io.quire.projections.versions.Version;
import io.quire.runtime.run.RunListener;
import io.quire.runtime.schedule.RunEnd;
import io.quire.runtime.schedule.RunLauncher;
import io.quire.runtime.schedule.ScheduleFiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns a schedule's firing into a run of its notebook: the version its policy picks (pinned, latest named, or
 * latest at the firing), its parameters and limits, triggered by the schedule.
 */
final class ScheduledRunLauncher implements RunLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRunLauncher.class);

    private final Quire quire;
    private final Runs runs;
    /** Runs launched here and not ended: the read model learns of a new run a moment after it is requested. */
    private final Map<String, AtomicInteger> going = new ConcurrentHashMap<>();

    ScheduledRunLauncher(Quire quire, Runs runs) {
        this.quire = quire;
        this.runs = runs;
    }

    @Override
    public CompletableFuture<RunEnd> launch(ScheduleFiring firing) {
        ScheduleDefinition definition = firing.definition();
        LiveNotebook notebook = quire.projections().liveNotebooks().find(definition.notebookId())
                .filter(live -> !live.deleted())
                .orElseThrow(() -> new IllegalStateException("schedule " + firing.scheduleId() + " runs notebook "
                        + definition.notebookId() + ", which no longer exists: delete or update the schedule"));
        long version = version(definition, notebook);
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        if (definition.parameters() != null) {
            definition.parameters().fields().forEachRemaining(f -> parameters.put(f.getKey(), f.getValue()));
        }
        RunRequest request = new RunRequest("quire:" + notebook.path() + "@" + version, null, parameters, Map.of(),
                new RunSettings(definition.kernelName(), definition.cellTimeout(), definition.runTimeout(), false, null),
                false, RunTrigger.SCHEDULE, firing.scheduleId(), null, "schedule:" + firing.scheduleId(), null);
        AtomicInteger count = going.computeIfAbsent(firing.scheduleId(), id -> new AtomicInteger());
        count.incrementAndGet();
        try {
            Runs.StartedRun started = runs.start(request, new FirstCellLatency(firing));
            return started.handle().result().whenComplete((result, failure) -> count.decrementAndGet())
                    .thenApply(result -> new RunEnd(result.runId(), result.succeeded(),
                            result.failure() == null ? result.note() : result.failure().message()));
        } catch (RuntimeException e) {
            count.decrementAndGet();
            throw e;
        }
    }

    @Override
    public int activeRuns(String scheduleId) {
        int here = going.getOrDefault(scheduleId, new AtomicInteger()).get();
        return Math.max(here, quire.runProjections().history().activeRunsOfSchedule(scheduleId));
    }

    private long version(ScheduleDefinition definition, LiveNotebook notebook) {
        VersionPolicy policy = definition.versionPolicy();
        return switch (policy.kind()) {
            case PINNED -> policy.version();
            case LATEST -> notebook.version();
            case LATEST_NAMED -> {
                List<Version> named = quire.projections().versions().named(definition.notebookId());
                if (named.isEmpty()) {
                    throw new IllegalStateException("schedule '" + definition.name() + "' runs the latest named"
                            + " version of " + notebook.path() + ", which has none: name one (a checkpoint)");
                }
                yield named.get(named.size() - 1).version();
            }
        };
    }

    /** Logs how long after its fire time a scheduled run's first cell started (the target is 200 ms). */
    private static final class FirstCellLatency implements RunListener {

        private final ScheduleFiring firing;
        private volatile boolean seen;

        FirstCellLatency(ScheduleFiring firing) {
            this.firing = firing;
        }

        @Override
        public void cellStarted(String cellId, int number, int total) {
            if (!seen) {
                seen = true;
                LOG.info("schedule {}: first cell started {} ms after its fire time {}", firing.scheduleId(),
                        Duration.between(firing.scheduledFor(), Instant.now()).toMillis(), firing.scheduledFor());
            }
        }
    }
}
