package io.quire.gateway.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.gateway.cli.QuireCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code quire run} on papermill's own test notebooks ({@code ../shared/corpus/papermill}), asserting the outcomes
 * papermill's tests assert (EXPECTED.md there), on Debian's real python3 kernel.
 */
class PapermillCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    @TempDir
    Path work;

    @BeforeEach
    void requirements() {
        RunPrerequisites.requireKernelAndCorpus();
    }

    @Test
    void simpleExecuteGetsItsInjectedCellAfterTheParametersCell() throws Exception {
        Result run = run("simple_execute.ipynb", "-p", "msg", "Hello");

        assertThat(run.exitCode).as(run.log()).isZero();
        JsonNode injected = run.cells().get(1);
        assertThat(source(injected)).isEqualTo("# Parameters\nmsg = \"Hello\"\n");
        assertThat(injected.path("metadata").path("tags").toString()).isEqualTo("[\"injected-parameters\"]");
        assertThat(run.notebook.path("metadata").path("papermill").path("parameters").toString())
                .isEqualTo("{\"msg\":\"Hello\"}");
        assertThat(run.outputText()).contains("Hello");
    }

    @Test
    void stringsAreEscapedAsPapermillEscapesThem() throws Exception {
        Result quoted = run("simple_execute.ipynb", "-p", "msg", "\"Hello\"");
        assertThat(source(quoted.cells().get(1))).isEqualTo("# Parameters\nmsg = \"\\\"Hello\\\"\"\n");
        Result backslashes = run("simple_execute.ipynb", "--prepare-only", "-p", "foo", "do\\ not\\ crash");
        assertThat(source(backslashes.cells().get(1)))
                .isEqualTo("# Parameters\nfoo = \"do\\\\ not\\\\ crash\"\n");
    }

    @Test
    void withoutAParametersCellTheInjectedCellGoesOnTopWithAWarning() throws Exception {
        Result run = run("no_parameters.ipynb", "-p", "msg", "Hello");

        assertThat(run.exitCode).as(run.log()).isZero();
        assertThat(run.err).contains("Input notebook does not contain a cell with tag 'parameters'");
        assertThat(run.cells().get(0).path("metadata").path("tags").toString()).contains("injected-parameters");
        assertThat(run.outputText()).contains("None");
    }

    @Test
    void aSyntaxErrorInTheParametersCellFailsTheRun() throws Exception {
        Result run = run("complex_parameters.ipynb");

        assertThat(run.exitCode).as(run.log()).isEqualTo(1);
        assertThat(run.err).contains("SyntaxError");
    }

    @Test
    void nbformat44IsUpgradedAndTheOutputValidates() throws Exception {
        Result run = run("nb_version_4.4.ipynb", "-p", "var", "It works");

        assertThat(run.exitCode).as(run.log()).isZero();
        assertThat(run.notebook.path("nbformat_minor").asInt()).isEqualTo(5);
        RunPrerequisites.validateWithNbformat(run.output);
    }

    @Test
    void reportModeHidesEveryCodeCellsSource() throws Exception {
        Result run = run("report_mode_test.ipynb", "--report-mode", "-p", "a", "1");

        assertThat(run.exitCode).as(run.log()).isZero();
        for (JsonNode cell : run.cells()) {
            if (cell.path("cell_type").asText().equals("code")) {
                assertThat(cell.path("metadata").path("jupyter").path("source_hidden").asBoolean())
                        .as(cell.toString()).isTrue();
            }
        }
    }

    @Test
    void broken1MarksTheFailingCellAndDropsStaleMarkers() throws Exception {
        Result run = run("broken1.ipynb");

        assertThat(run.exitCode).as(run.log()).isEqualTo(1);
        List<JsonNode> cells = run.cells();
        assertThat(source(cells.get(0))).contains("In [2]");
        assertThat(source(cells.get(5))).contains("id=\"papermill-error-cell\"");
        assertThat(cells.get(6).path("execution_count").asInt()).isEqualTo(2);
        assertThat(cells.get(6).path("outputs").toString()).contains("\"output_type\":\"error\"");
        assertThat(cells.get(7).path("execution_count").isNull()).isTrue();
        assertThat(cells.stream().filter(c -> c.path("metadata").path("tags").toString()
                .contains("papermill-error-cell-tag")).count()).isEqualTo(2);
    }

    @Test
    void broken2KeepsTheDisplayBeforeTheError() throws Exception {
        Result run = run("broken2.ipynb");

        assertThat(run.exitCode).as(run.log()).isEqualTo(1);
        List<JsonNode> cells = run.cells();
        assertThat(source(cells.get(0))).contains("In [2]");
        JsonNode failing = cells.stream().filter(c -> c.path("execution_count").asInt() == 2).findFirst().orElseThrow();
        List<String> types = new ArrayList<>();
        failing.path("outputs").forEach(o -> types.add(o.path("output_type").asText()));
        assertThat(types).containsExactly("display_data", "error");
    }

    @Test
    void sysExitWithoutStatusIsNotAFailure() throws Exception {
        for (String notebook : List.of("sysexit.ipynb", "sysexit0.ipynb", "systemexit.ipynb")) {
            Result run = run(notebook);

            assertThat(run.exitCode).as(notebook + "\n" + run.log()).isZero();
            JsonNode exited = run.cells().stream().filter(c -> c.path("outputs").toString().contains("SystemExit"))
                    .findFirst().orElseThrow();
            assertThat(exited.path("outputs").toString()).contains("\"ename\":\"SystemExit\"");
            JsonNode last = run.cells().get(run.cells().size() - 1);
            assertThat(last.path("execution_count").isNull()).as(notebook).isTrue();
        }
    }

    @Test
    void sysExitWithAStatusFailsTheRun() throws Exception {
        Result run = run("sysexit1.ipynb");

        assertThat(run.exitCode).as(run.log()).isEqualTo(1);
        assertThat(source(run.cells().get(0))).contains("In [2]");
        JsonNode error = run.cells().stream().flatMap(c -> {
            List<JsonNode> outputs = new ArrayList<>();
            c.path("outputs").forEach(outputs::add);
            return outputs.stream();
        }).filter(o -> o.path("output_type").asText().equals("error")).findFirst().orElseThrow();
        // The kernel colours its tracebacks (ANSI escapes), in Quire's output as in papermill's.
        assertThat(error.path("traceback").get(1).asText().replaceAll("\u001b\\[[0-9;]*m", ""))
                .isEqualTo("SystemExit: 1\n");
    }

    @Test
    void anErrorWithoutAnErrorOutputStillFailsTheRun() throws Exception {
        Result run = run("line_magic_error.ipynb");

        assertThat(run.exitCode).as(run.log()).isEqualTo(1);
        List<JsonNode> cells = run.cells();
        assertThat(source(cells.get(0))).contains("In [1]");
        assertThat(cells.get(2).path("execution_count").asInt()).isEqualTo(1);
        assertThat(cells.get(3).path("execution_count").isNull()).isTrue();
    }

    @Test
    void cwdSetsTheKernelsWorkingDirectory() throws Exception {
        Path directory = Files.createDirectories(work.resolve("with-check"));
        Files.writeString(directory.resolve("check.txt"), "here");

        assertThat(run("read_check.ipynb").exitCode).isEqualTo(1);
        Result run = run("read_check.ipynb", "--cwd", directory.toString());
        assertThat(run.exitCode).as(run.log()).isZero();
    }

    @Test
    void prepareOnlyInjectsWithoutRunningAndKeepsStoredOutputs() throws Exception {
        Result run = run("keyboard_interrupt.ipynb", "--prepare-only", "-p", "x", "1");

        assertThat(run.exitCode).as(run.log()).isZero();
        assertThat(run.cells().get(0).path("metadata").path("tags").toString()).contains("injected-parameters");
        assertThat(run.notebook.toString()).contains("KeyboardInterrupt");
    }

    @Test
    void aCellTimeoutFailsTheRunAndMarksTheCellFailed() throws Exception {
        long start = System.nanoTime();
        Result run = run("keyboard_interrupt.ipynb", "--execution-timeout", "2");

        assertThat(run.exitCode).as(run.log()).isEqualTo(1);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(50);
        JsonNode failed = run.cells().stream().filter(c -> c.path("metadata").path("papermill").path("status")
                .asText().equals("failed")).findFirst().orElseThrow();
        assertThat(source(failed)).contains("sleep");
        assertThat(run.err).contains("cell time limit");
    }

    @Test
    void aKernelOverrideRunsNotebooksWithoutAKernelspec() throws Exception {
        Result withoutKernel = run("blank-vscode.ipynb");
        assertThat(withoutKernel.exitCode).isEqualTo(1);
        assertThat(withoutKernel.err).contains("No kernel name found in notebook and no override provided");

        Result run = run("blank-vscode.ipynb", "-k", "python3");
        assertThat(run.exitCode).as(run.log()).isZero();
        RunPrerequisites.validateWithNbformat(run.output);
        assertThat(run("test_notebooknode_io.ipynb").exitCode).isZero();
    }

    @Test
    void parameterFilesApplyInOrderAndYamlDatesStayStrings() throws Exception {
        Path parameters = RunPrerequisites.corpus().resolve("parameters");
        Result run = run("simple_execute.ipynb", "--prepare-only", "-f", parameters.resolve("example.yaml").toString(),
                "-f", parameters.resolve("example.json").toString());

        assertThat(run.exitCode).as(run.log()).isZero();
        JsonNode recorded = run.notebook.path("metadata").path("papermill").path("parameters");
        assertThat(recorded.path("foo").asInt()).isEqualTo(54321);
        assertThat(recorded.path("bar").asText()).isEqualTo("value");
        assertThat(recorded.path("baz").toString()).isEqualTo("{\"k1\":\"v1\",\"k2\":\"v2\"}");
        assertThat(recorded.path("a_date").isTextual()).isTrue();
        assertThat(recorded.path("a_date").asText()).isEqualTo("2019-01-01");
    }

    // ---- plumbing

    /** A cell's source: nbformat writes multi-line text as a list of lines. */
    private static String source(JsonNode cell) {
        JsonNode source = cell.path("source");
        if (!source.isArray()) {
            return source.asText();
        }
        StringBuilder text = new StringBuilder();
        source.forEach(line -> text.append(line.asText()));
        return text.toString();
    }

    private record Result(int exitCode, String out, String err, Path output, JsonNode notebook) {

        List<JsonNode> cells() {
            List<JsonNode> cells = new ArrayList<>();
            notebook.path("cells").forEach(cells::add);
            return cells;
        }

        String outputText() {
            return notebook.path("cells").toString();
        }

        String log() {
            return "stdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    private int counter;

    private Result run(String notebook, String... options) throws IOException {
        Path output = work.resolve("out-" + (++counter) + ".ipynb");
        List<String> args = new ArrayList<>(List.of("run", RunPrerequisites.corpus().resolve(notebook).toString(),
                output.toString()));
        args.addAll(List.of(options));
        args.addAll(List.of("--data", data.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = QuireCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args.toArray(String[]::new));
        JsonNode written = Files.exists(output) ? JSON.readTree(output.toFile()) : JSON.createObjectNode();
        return new Result(exitCode, out.toString(), err.toString(), output, written);
    }
}
