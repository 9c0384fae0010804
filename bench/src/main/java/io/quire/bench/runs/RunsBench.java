package io.quire.bench.runs;

import io.quire.bench.Figure;
import io.quire.bench.Machine;
import io.quire.bench.Progress;
import io.quire.bench.Report;
import io.quire.bench.Target;
import io.quire.bench.store.BenchStore;
import io.quire.bench.store.Engine;
import io.quire.bench.store.StoreFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Parameterized runs (the benchmark): 20 runs of a 3-cell notebook with {@code n = 20} injected, Quire's
 * {@code Runs} on H2 with a warm kernel pool against papermill's engine (Debian's nbclient) doing the same, in one
 * process run so that both see the same machine load. Progress on stderr, the report on stdout.
 */
@Command(name = "bench/run-runs", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Quire's parameterized runs against nbclient (papermill's engine): one run from the warm pool,"
                + " and 20 runs at once against nbclient's 20 in a row.")
public final class RunsBench implements Callable<Integer> {

    private static final String REFERENCE = "nbclient";

    @Option(names = "--runs", description = "runs per throughput case and for nbclient (default: ${DEFAULT-VALUE})",
            defaultValue = "20")
    int runs;

    @Option(names = "--latency-runs", description = "measured single runs from the warm pool (default:"
            + " ${DEFAULT-VALUE})", defaultValue = "25")
    int latencyRuns;

    @Option(names = "--warmups", description = "single runs before measuring (default: ${DEFAULT-VALUE})",
            defaultValue = "3")
    int warmups;

    @Option(names = "--schedule-runs", description = "scheduled runs measured for the trigger latency (default:"
            + " ${DEFAULT-VALUE})", defaultValue = "10")
    int scheduleRuns;

    @Option(names = "--sustained-pool", description = "pool size of the sustained case (default: ${DEFAULT-VALUE})",
            defaultValue = "2")
    int sustainedPool;

    @Option(names = "--diagnose", description = "instead: where a warm run's cell time goes, N interleaved rounds"
            + " (see CellTimeSplit)", paramLabel = "N")
    int diagnose;

    @Option(names = "--work", description = "directory for stores, notebook and outputs (default: a new temporary"
            + " directory, removed afterwards)")
    Path work;

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(new CommandLine(new RunsBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path benchDirectory = Path.of(System.getProperty("quire.bench.dir", "bench")).toAbsolutePath();
        Path directory = work != null ? Files.createDirectories(work) : Files.createTempDirectory("quire-runs");
        String startedAt = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        double loadBefore = Machine.loadAverage();
        long start = System.nanoTime();
        Report report = new Report();
        try {
            Path notebook = RunNotebook.writeTo(directory);
            StoreFactory stores = new StoreFactory(directory, null);
            if (diagnose > 0) {
                try (BenchStore store = stores.create(Engine.H2, "diagnose")) {
                    new CellTimeSplit(diagnose, new NbclientRuns(benchDirectory)).run(store, notebook, System.out);
                }
                return 0;
            }

            Progress.say(REFERENCE, "runs", "%d runs in a row (load %.1f)", runs, Machine.loadAverage());
            NbclientRuns.Result reference = new NbclientRuns(benchDirectory).run(notebook,
                    directory.resolve("nbclient-out"), runs);
            Progress.say(REFERENCE, "runs", "%.1f s", reference.wallNanos() / 1e9);

            Progress.say("quire", "warm run", "%d + %d warm-up runs, pool of 1 (load %.1f)", latencyRuns, warmups,
                    Machine.loadAverage());
            WarmRunLatency.Result latency;
            try (BenchStore store = stores.create(Engine.H2, "latency")) {
                latency = new WarmRunLatency(warmups, latencyRuns).run(store, notebook);
            }
            RunThroughput.Result burst;
            try (BenchStore store = stores.create(Engine.H2, "burst")) {
                burst = new RunThroughput(runs, runs).run(store, notebook);
            }
            Progress.say("quire", "burst", "%.1f s", burst.wallNanos() / 1e9);
            RunThroughput.Result sustained;
            try (BenchStore store = stores.create(Engine.H2, "sustained")) {
                sustained = new RunThroughput(runs, sustainedPool).run(store, notebook);
            }
            Progress.say("quire", "sustained", "%.1f s", sustained.wallNanos() / 1e9);

            ScheduleTriggerLatency.Result trigger;
            try (BenchStore store = stores.create(Engine.H2, "schedule")) {
                trigger = new ScheduleTriggerLatency(scheduleRuns).run(store, notebook);
            }
            Progress.say("quire", "schedule", "median %.1f ms", trigger.latency().medianMillis());

            new RunFigures(runs, sustainedPool).add(report, reference, latency, burst, sustained);
            report.add(Figure.of("quire h2", "schedule trigger to first cell started, median",
                    trigger.latency().medianMillis(), "ms", Target.atMost(200)).withNote("a schedule firing every"
                    + " second, Quartz in memory, pool of 2; fire time to the first RunCellStarted event; n="
                    + trigger.latency().count() + (trigger.unmeasured() == 0 ? "" : ", " + trigger.unmeasured()
                    + " runs requested a second or more late not counted")));
            report.add(Figure.of("quire h2", "schedule trigger to first cell started, p99",
                    trigger.latency().percentileMillis(99), "ms", Target.NONE));
        } finally {
            if (work == null) {
                remove(directory);
            }
        }
        System.out.printf("Quire parameterized runs vs nbclient, %s UTC (%.0f s): %d cores, %s, Java %s%n",
                startedAt, (System.nanoTime() - start) / 1e9, Machine.cores(), System.getProperty("os.name"),
                System.getProperty("java.version"));
        System.out.printf("Load average (1 min) %.1f at the start, %.1f at the end (above %d: processes waited for a"
                + " CPU).%n%n", loadBefore, Machine.loadAverage(), Machine.cores());
        report.print(System.out);
        System.out.println();
        System.out.println(report.allTargetsMet() ? "All targets met." : "Some targets were missed (FAIL above).");
        return 0;
    }

    private static void remove(Path directory) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
