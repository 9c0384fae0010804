package io.quire.gateway.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.gateway.cli.QuireCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quire execute} as a user runs it, on what nbclient and JupyterLab treat specially. */
class QuireExecuteCommandTest {

    @TempDir
    Path data;

    @Test
    void blankCodeCellsAreNotRunSoNoTwoCellsShowTheSameExecutionCount() throws Exception {
        Prerequisites.requireKernel();
        Path notebook = NbclientReference.resource("blank-cell.ipynb");
        Path exported = data.resolve("out.ipynb");

        quire("import", notebook.toString(), "--as", "blank.ipynb");
        quire("execute", "blank.ipynb");
        quire("export", "blank.ipynb", "-o", exported.toString());

        List<Integer> counts = new ArrayList<>();
        for (JsonNode cell : new ObjectMapper().readTree(exported.toFile()).path("cells")) {
            counts.add(cell.path("execution_count").isInt() ? cell.path("execution_count").asInt() : null);
        }
        // ipykernel announces a blank cell with the next count (execute_input) but replies with the last one.
        assertThat(counts).as("execution counts of `1`, a blank cell, `2`").containsExactly(1, null, 2);
    }

    private void quire(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = QuireCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        List<String> withData = new ArrayList<>(List.of(args));
        withData.addAll(List.of("--data", data.toString()));
        int exitCode = commandLine.execute(withData.toArray(String[]::new));
        assertThat(exitCode).as("quire %s\n%s%s", String.join(" ", args), out, err).isZero();
    }
}
