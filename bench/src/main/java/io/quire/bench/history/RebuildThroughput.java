package io.quire.bench.history;

import io.quire.bench.Figure;
import io.quire.bench.Machine;
import io.quire.bench.Progress;
import io.quire.bench.Target;
import io.quire.gateway.Quire;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How fast the read models are rebuilt from the events ({@code quire rebuild}): the time from
 * {@code Quire.start(settings, true)} (which drops the read models and resets their token) until
 * {@code awaitProjections} returns, over every event of the store. Median of several rebuilds in one JVM; the
 * first is also reported apart, as {@code quire rebuild} runs it: in a fresh JVM, its code not yet compiled.
 */
public final class RebuildThroughput {

    private static final Duration CATCH_UP = Duration.ofMinutes(10);

    private final int repetitions;

    public RebuildThroughput(int repetitions) {
        this.repetitions = repetitions;
    }

    public List<Figure> run(History history) throws Exception {
        double[] rates = new double[repetitions];
        double[] cpuPerEvent = new double[repetitions];
        long events = 0;
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            long cpuBefore = Machine.processCpuNanos();
            try (Quire node = Quire.start(history.settings(), true)) {
                node.awaitProjections(CATCH_UP);
                double seconds = (System.nanoTime() - start) / 1e9;
                events = node.eventCount();
                rates[i] = events / seconds;
                cpuPerEvent[i] = (Machine.processCpuNanos() - cpuBefore) / 1e3 / events;
            }
        }
        double first = rates[0];
        Arrays.sort(rates);
        Arrays.sort(cpuPerEvent);
        double median = rates[repetitions / 2];
        String engine = history.store().engine();
        Progress.say(engine, "rebuild", "%,d events: %s events/s", events, Arrays.toString(
                Arrays.stream(rates).mapToLong(Math::round).toArray()));
        return List.of(
                Figure.of(engine, String.format("rebuild, %,d events", events), median, "events/s",
                        Target.atLeast(100_000))
                      .withNote("Quire.start(settings, rebuild=true) until awaitProjections returns; median of "
                              + repetitions),
                Figure.of(engine, "rebuild, first of the run", first, "events/s", Target.NONE)
                      .withNote("the first rebuild in this JVM: the replay's code not yet compiled by the JIT, as"
                              + " in a `quire rebuild` process"),
                Figure.of(engine, "rebuild, JVM CPU time per event", cpuPerEvent[repetitions / 2], "us", Target.NONE)
                      .withNote("CPU time of all of this JVM's threads during the rebuild / events: one core"
                              + " alone would replay at most 1,000,000 / this events/s"));
    }
}
