package io.quire.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quire.domain.run.RunSettings;
import io.quire.domain.run.RunTrigger;
import io.quire.gateway.Quire;
import io.quire.gateway.runs.RunRequest;
import io.quire.gateway.runs.Runs;
import io.quire.runtime.papermill.ParameterSources;
import io.quire.runtime.run.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a notebook with parameters, as papermill does, and keep its output notebook forever.",
                "INPUT and OUTPUT: a Quire notebook (quire:PATH, quire:PATH@VERSION or quire:PATH@NAME), a local"
                        + " .ipynb file, or s3://bucket/key. Without OUTPUT the output notebook goes to Quire's output"
                        + " store (--output-store). An output notebook is written once and never overwritten.",
                "Parameter options apply in the order given; for the same name the later one wins.",
                "Exit codes: 0 the run succeeded, 1 it failed (the failing cell is named) or a user error."})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "INPUT", description = "The notebook to run.")
    String input;

    @Parameters(index = "1", arity = "0..1", paramLabel = "OUTPUT", description = "Where the output notebook goes.")
    String output;

    @Option(names = {"-p", "--parameters"}, arity = "2", paramLabel = "NAME VALUE",
            description = "A parameter, typed as papermill types it: True/False, None, int, float, else a string.")
    List<String> typed;

    @Option(names = {"-r", "--parameters_raw"}, arity = "2", paramLabel = "NAME VALUE",
            description = "A parameter whose value is a string, whatever it looks like.")
    List<String> raw;

    @Option(names = {"-y", "--parameters_yaml"}, paramLabel = "YAML", description = "Parameters as a YAML mapping.")
    List<String> yaml;

    @Option(names = {"-b", "--parameters_base64"}, paramLabel = "BASE64",
            description = "Parameters as a base64-encoded YAML mapping.")
    List<String> base64;

    @Option(names = {"-f", "--parameters_file"}, paramLabel = "FILE", description = "Parameters from a YAML or JSON file.")
    List<String> files;

    @Option(names = "--secret", arity = "2", paramLabel = "NAME VALUE",
            description = "A secret parameter (a string): it reaches the kernel, never the output notebook, the"
                    + " events or the logs; printed values are masked.")
    List<String> secretValues;

    @Option(names = "--secret-env", arity = "2", paramLabel = "NAME VARIABLE",
            description = "A secret parameter read from an environment variable (so it is not on the command line).")
    List<String> secretVariables;

    @Option(names = {"-k", "--kernel"}, paramLabel = "NAME", description = "The kernel to run it on. Default: the notebook's.")
    String kernel;

    @Option(names = "--cwd", paramLabel = "DIR", description = "The kernel's working directory.")
    Path workingDirectory;

    @Option(names = {"--execution-timeout", "--cell-timeout"}, paramLabel = "SECONDS",
            description = "Fail the run when a cell runs longer than this (the cell is marked failed).")
    Long cellTimeout;

    @Option(names = "--run-timeout", paramLabel = "SECONDS", description = "Fail the run when it takes longer than this.")
    Long runTimeout;

    @Option(names = "--report-mode", description = "Hide the code of every code cell in the output notebook.")
    boolean reportMode;

    @Option(names = "--strict", description = "Refuse parameters the notebook's parameters cell does not declare, or"
            + " whose type differs from the declared one.")
    boolean strict;

    @Option(names = "--prepare-only", description = "Write the parameterized notebook without running it.")
    boolean prepareOnly;

    @Option(names = "--retry", paramLabel = "RUN", description = "Run again the notebook version, parameters and"
            + " settings of run RUN (secrets must be given again).")
    String retry;

    @Option(names = "--log-output", description = "Print the cells' outputs as they come.")
    boolean logOutput;

    @Option(names = "--progress-bar", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show progress per cell on stderr (default: on).")
    boolean progressBar;

    @Mixin
    NodeOptions node;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ParameterSources parameters = ParameterOrder.sources(spec.commandLine().getParseResult());
        Map<String, JsonNode> secrets = secrets();
        if (input == null && retry == null) {
            throw new UserError("give the notebook to run (INPUT), or --retry RUN");
        }
        if (workingDirectory != null && !Files.isDirectory(workingDirectory)) {
            throw new UserError("--cwd " + workingDirectory + " is not a directory");
        }
        RunSettings settings = new RunSettings(kernel, seconds(cellTimeout, "--execution-timeout"),
                seconds(runTimeout, "--run-timeout"), reportMode,
                workingDirectory == null ? null : workingDirectory.toAbsolutePath().toString());
        try (Quire quire = node.open(false)) {
            Runs runs = new Runs(quire);
            int abandoned = runs.endAbandoned();
            if (abandoned > 0) {
                err.println("quire: " + abandoned + " run(s) left unfinished by an earlier Quire were marked failed");
            }
            Path here = Path.of("").toAbsolutePath();
            if (prepareOnly) {
                byte[] notebook = runs.prepare(new RunRequest(input, output, parameters.resolve(), secrets, settings,
                        strict, RunTrigger.USER, null, null, node.user(), here));
                if (output == null) {
                    out.write(new String(notebook, java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    err.println("prepared " + output);
                }
                out.flush();
                return 0;
            }
            RunProgress progress = new RunProgress(out, err, progressBar, logOutput);
            Runs.StartedRun started = retry != null
                    ? runs.retry(retry, secrets, output, node.user(), here, progress)
                    : runs.start(new RunRequest(input, output, parameters.resolve(), secrets, settings, strict,
                    RunTrigger.USER, null, null, node.user(), here), progress);
            started.warnings().forEach(warning -> err.println("quire: warning: " + warning));
            err.println("run " + started.runId() + ": output notebook " + started.outputLocation());
            err.flush();
            // Ctrl-C cancels the run, recorded as such, and waits a moment for its end to be written.
            Thread cancelOnExit = new Thread(() -> {
                started.handle().cancel("interrupted from the command line", node.user());
                try {
                    started.handle().result().get(15, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    Thread.currentThread().interrupt();
                }
            }, "quire-run-cancel");
            Runtime.getRuntime().addShutdownHook(cancelOnExit);
            RunResult result;
            try {
                result = started.handle().result().get();
            } finally {
                removeHook(cancelOnExit);
            }
            quire.awaitProjections(Duration.ofSeconds(30));
            return progress.summary(result) ? 0 : QuireCli.USER_ERROR;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already: the hook runs
        }
    }

    private Map<String, JsonNode> secrets() {
        Map<String, JsonNode> secrets = new LinkedHashMap<>();
        for (int i = 0; secretValues != null && i < secretValues.size(); i += 2) {
            secrets.put(secretValues.get(i), TextNode.valueOf(secretValues.get(i + 1)));
        }
        for (int i = 0; secretVariables != null && i < secretVariables.size(); i += 2) {
            String value = System.getenv(secretVariables.get(i + 1));
            if (value == null) {
                throw new UserError("environment variable " + secretVariables.get(i + 1) + " is not set (for secret "
                        + secretVariables.get(i) + ")");
            }
            secrets.put(secretVariables.get(i), TextNode.valueOf(value));
        }
        return secrets;
    }

    private static Duration seconds(Long value, String option) {
        if (value == null) {
            return null;
        }
        if (value <= 0) {
            throw new UserError(option + " must be a positive number of seconds, not " + value);
        }
        return Duration.ofSeconds(value);
    }
}
