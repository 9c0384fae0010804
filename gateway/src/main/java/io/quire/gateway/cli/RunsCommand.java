package io.quire.gateway.cli;

import io.quire.gateway.Quire;
import io.quire.gateway.runs.Runs;
import io.quire.projections.runs.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List the runs of a notebook (or all runs), newest first: status, when, how long, the failing"
                + " cell and where the output notebook is.")
final class RunsCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "PATH", description = "The notebook's path in Quire; all runs without it.")
    String path;

    @Option(names = "--schedule", paramLabel = "ID", description = "Only the runs this schedule started.")
    String schedule;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N runs (default ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    NodeOptions node;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<RunSummary> runs;
        try (Quire quire = node.openForCommand()) {
            quire.awaitProjections(Duration.ofSeconds(30));
            var history = quire.runProjections().history();
            runs = schedule != null ? history.ofSchedule(schedule, limit)
                    : path != null ? new Runs(quire).ofNotebook(path, limit) : history.all(limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        String format = "%-36s  %-9s  %-20s  %9s  %-24s  %s%n";
        out.printf(format, "RUN", "STATUS", "REQUESTED", "DURATION", "FAILED AT", "OUTPUT");
        for (RunSummary run : runs) {
            Duration duration = run.duration();
            String failedAt = run.failedCellId() == null ? (run.failureKind() == null ? "" : run.failureKind())
                    : "cell " + (run.failedCellIndex() + 1) + " (" + run.failedCellId() + ")";
            out.printf(format, run.runId(), run.status().name().toLowerCase(),
                    run.requestedAt().toString().replaceFirst("\\.\\d+Z$", "Z"),
                    duration == null ? (run.status().ended() ? "" : run.cellsDone() + "/" + run.cellsTotal())
                            : String.format("%.1fs", duration.toMillis() / 1000.0),
                    failedAt, run.outputLocation() == null ? "" : run.outputLocation());
        }
        out.flush();
        return 0;
    }
}
