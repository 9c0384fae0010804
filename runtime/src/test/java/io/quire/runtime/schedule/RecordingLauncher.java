package io.quire.runtime.schedule;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A launcher for tests: records every firing and answers with the run a test scripts (ends at once, fails, throws,
 * or keeps going until the test completes it). Runs not yet ended count as active, as a real runner's would.
 */
final class RecordingLauncher implements RunLauncher {

    private final List<ScheduleFiring> firings = new CopyOnWriteArrayList<>();
    private final Map<String, Set<CompletableFuture<RunEnd>>> running = new ConcurrentHashMap<>();
    private volatile Function<ScheduleFiring, CompletableFuture<RunEnd>> runs =
            firing -> CompletableFuture.completedFuture(new RunEnd("run-" + firing.scheduledFor(), true, "ok"));

    /** From now on, each launch answers with {@code runs.apply(firing)} (or throws what it throws). */
    void answerWith(Function<ScheduleFiring, CompletableFuture<RunEnd>> runs) {
        this.runs = runs;
    }

    @Override
    public CompletableFuture<RunEnd> launch(ScheduleFiring firing) {
        firings.add(firing);
        CompletableFuture<RunEnd> run = runs.apply(firing);
        Set<CompletableFuture<RunEnd>> ofSchedule = running.computeIfAbsent(firing.scheduleId(),
                id -> ConcurrentHashMap.newKeySet());
        ofSchedule.add(run);
        run.whenComplete((end, failure) -> ofSchedule.remove(run));
        return run;
    }

    @Override
    public int activeRuns(String scheduleId) {
        return running.getOrDefault(scheduleId, Set.of()).size();
    }

    List<ScheduleFiring> firings() {
        return List.copyOf(firings);
    }

    List<ScheduleFiring> firings(String scheduleId) {
        return firings.stream().filter(f -> f.scheduleId().equals(scheduleId)).toList();
    }
}
