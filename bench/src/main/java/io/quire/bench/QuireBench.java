package io.quire.bench;

import io.quire.bench.edits.EditThroughput;
import io.quire.bench.history.History;
import io.quire.bench.history.HistoryFiller;
import io.quire.bench.history.LoadTime;
import io.quire.bench.history.RebuildThroughput;
import io.quire.bench.store.BenchStore;
import io.quire.bench.store.Engine;
import io.quire.bench.store.StoreFactory;
import io.quire.gateway.QuireSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The benchmark harness: runs the chosen benchmarks on each chosen event store, each case on a fresh store, and
 * prints one table of figures against the targets. Progress goes to stderr, the report to stdout.
 */
@Command(name = "bench/run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Quire's benchmarks: concurrent edits, bytes per edit vs Jupyter's save, load time of a"
                + " long history with and without snapshots, rebuild throughput.")
public final class QuireBench implements Callable<Integer> {

    /** The benchmarks, as --only names them. */
    enum Benchmark { EDITS, LOAD, REBUILD }

    /** --db values. */
    enum Stores { H2, POSTGRES, BOTH }

    @Option(names = "--db", description = "h2, postgres or both (default: ${DEFAULT-VALUE})", defaultValue = "both")
    Stores stores;

    @Option(names = "--quick", description = "a ~2 minute smoke run: short windows, a 10,000-event history")
    boolean quick;

    @Option(names = "--only", split = ",", description = "some of: edits, load, rebuild (default: all)")
    Set<Benchmark> only = EnumSet.allOf(Benchmark.class);

    @Option(names = "--postgres", description = "JDBC URL of the PostgreSQL server to create throw-away databases on"
            + " (default: ${DEFAULT-VALUE})", defaultValue = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres")
    String postgresUrl;

    @Option(names = "--work", description = "directory for the H2 stores (default: a new temporary directory)")
    Path work;

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.exit(new CommandLine(new QuireBench()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(QuireBench::failed).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Scale scale = quick ? Scale.quick() : Scale.standard();
        if (engines().contains(Engine.POSTGRES)) {
            StoreFactory.checkPostgres(postgresUrl);
        }
        Path workDirectory = work != null ? Files.createDirectories(work) : Files.createTempDirectory("quire-bench");
        StoreFactory factory = new StoreFactory(workDirectory, postgresUrl);
        Report report = new Report();
        long start = System.nanoTime();
        double loadBefore = Machine.loadAverage();
        try {
            for (Engine engine : engines()) {
                runAll(factory, engine, scale, report);
            }
        } finally {
            if (work == null) {
                Files.deleteIfExists(workDirectory);
            }
        }
        System.out.printf("Quire benchmarks, %s, %s run (%.0f s): %d cores, %s, Java %s, collectors %s%n",
                LocalDate.now(), quick ? "quick" : "standard", (System.nanoTime() - start) / 1e9, Machine.cores(),
                System.getProperty("os.name"), System.getProperty("java.version"), Machine.garbageCollectors());
        System.out.printf("Load average (1 min) %.1f at the start, %.1f at the end: above %d, other processes"
                + " competed for the CPUs.%n%n", loadBefore, Machine.loadAverage(), Machine.cores());
        report.print(System.out);
        System.out.println();
        System.out.println(report.allTargetsMet() ? "All targets met." : "Some targets were missed (FAIL above).");
        return 0;
    }

    /** Exit code 3 with the reason on stderr, and the stack trace for anything that is not a set-up problem. */
    private static int failed(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        commandLine.getErr().println("bench: failed: " + e.getMessage());
        if (!(e instanceof IllegalArgumentException)) {
            e.printStackTrace(commandLine.getErr());
        }
        return 3;
    }

    private List<Engine> engines() {
        return switch (stores) {
            case H2 -> List.of(Engine.H2);
            case POSTGRES -> List.of(Engine.POSTGRES);
            case BOTH -> List.of(Engine.H2, Engine.POSTGRES);
        };
    }

    /** Each benchmark on fresh stores of one engine: a store per case, removed when the case is done. */
    private void runAll(StoreFactory factory, Engine engine, Scale scale, Report report) throws Exception {
        if (only.contains(Benchmark.EDITS)) {
            try (BenchStore store = factory.create(engine, "edits")) {
                report.addAll(new EditThroughput(scale).run(store));
            }
        }
        if (!only.contains(Benchmark.LOAD) && !only.contains(Benchmark.REBUILD)) {
            return;
        }
        HistoryFiller filler = new HistoryFiller();
        try (BenchStore plain = factory.create(engine, "plain")) {
            History withoutSnapshots = filler.fill(plain, scale.historyEvents());
            report.add(Figure.of(engine.label(), "history written: edits/s, 1,000 per commit, one editor",
                            withoutSnapshots.writeRate(), "edits/s", Target.NONE)
                    .withNote("how fast the load benchmark's history was written: one command at a time, but 1,000"
                            + " commands per unit of work and transaction (group commit), on a small notebook"));
            if (only.contains(Benchmark.LOAD)) {
                try (BenchStore copy = plain.copy("snap")) {
                    History withSnapshots = filler.withSnapshots(withoutSnapshots, copy,
                            QuireSettings.DEFAULT_SNAPSHOT_THRESHOLD);
                    report.addAll(new LoadTime(scale.loadRepetitions()).run(withSnapshots));
                }
                report.addAll(new LoadTime(scale.loadRepetitions()).run(withoutSnapshots));
            }
            if (only.contains(Benchmark.REBUILD)) {
                report.addAll(new RebuildThroughput(scale.rebuildRepetitions()).run(withoutSnapshots));
            }
        }
    }
}
