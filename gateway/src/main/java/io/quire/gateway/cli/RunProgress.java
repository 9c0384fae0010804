package io.quire.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.domain.run.CellOutcome;
import io.quire.runtime.run.RunListener;
import io.quire.runtime.run.RunResult;

import java.io.PrintWriter;

/** Shows a run on the terminal: a line per cell on stderr, and the cells' outputs with {@code --log-output}. */
final class RunProgress implements RunListener {

    private static final int BAR = 20;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean bar;
    private final boolean logOutput;
    private final long start = System.nanoTime();

    RunProgress(PrintWriter out, PrintWriter err, boolean bar, boolean logOutput) {
        this.out = out;
        this.err = err;
        this.bar = bar;
        this.logOutput = logOutput;
    }

    @Override
    public void started(String kernelName, int codeCells) {
        if (bar) {
            err.printf("executing %d code cells on %s%n", codeCells, kernelName);
            err.flush();
        }
    }

    @Override
    public void cellStarted(String cellId, int number, int total) {
        if (logOutput) {
            out.printf("--- cell %d/%d (%s)%n", number, total, cellId);
            out.flush();
        }
    }

    @Override
    public void output(String cellId, JsonNode output) {
        if (!logOutput) {
            return;
        }
        switch (output.path("output_type").asText()) {
            case "stream" -> out.print(output.path("text").asText());
            case "error" -> out.println(output.path("ename").asText() + ": " + output.path("evalue").asText());
            default -> out.println(output.path("data").path("text/plain").asText("[" + output.path("output_type").asText() + "]"));
        }
        out.flush();
    }

    @Override
    public void cellEnded(String cellId, int number, int total, CellOutcome outcome) {
        if (bar) {
            int filled = total == 0 ? BAR : number * BAR / total;
            err.printf("[%s%s] %3d%% %d/%d cell %s %s (%.1fs)%n", "#".repeat(filled), " ".repeat(BAR - filled),
                    total == 0 ? 100 : number * 100 / total, number, total, cellId,
                    outcome.name().toLowerCase().replace('_', ' '), (System.nanoTime() - start) / 1e9);
            err.flush();
        }
    }

    /** Prints how the run ended; returns whether it succeeded. */
    boolean summary(RunResult result) {
        String took = String.format("%.2fs", result.duration().toNanos() / 1e9);
        switch (result.status()) {
            case SUCCEEDED -> err.println("run " + result.runId() + " succeeded in " + took
                    + (result.note() == null ? "" : " (" + result.note() + ")") + ": " + result.outputLocation());
            case CANCELLED -> err.println("run " + result.runId() + " was cancelled: " + result.note());
            case FAILED -> err.println("quire: run " + result.runId() + " failed: " + result.failure().message()
                    + (result.outputLocation() == null ? "" : "; output notebook: " + result.outputLocation()));
            default -> err.println("run " + result.runId() + ": " + result.status());
        }
        err.flush();
        return result.succeeded();
    }
}
