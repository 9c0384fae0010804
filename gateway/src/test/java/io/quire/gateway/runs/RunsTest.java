package io.quire.gateway.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quire.domain.CommandRejectedException;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.command.InsertCell;
import io.quire.domain.notebook.command.NameVersion;
import io.quire.domain.run.RunSettings;
import io.quire.domain.run.RunSource;
import io.quire.domain.run.command.RequestRun;
import io.quire.domain.run.command.StartRun;
import io.quire.domain.run.RunStatus;
import io.quire.domain.run.RunTrigger;
import io.quire.gateway.Quire;
import io.quire.gateway.QuireSettings;
import io.quire.gateway.notebook.Notebooks;
import io.quire.projections.runs.RunSummary;
import io.quire.runtime.papermill.InvalidParametersException;
import io.quire.runtime.run.RunListener;
import io.quire.runtime.run.RunResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs of Quire's own notebooks, pinned to versions, through a whole node on H2 and a real python3 kernel. */
class RunsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTEBOOK = """
            {"nbformat": 4, "nbformat_minor": 5,
             "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
             "cells": [
              {"id": "params", "cell_type": "code", "metadata": {"tags": ["parameters"]}, "outputs": [],
               "execution_count": null, "source": "n = 1\\nlabel: str = 'x'"},
              {"id": "square", "cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
               "source": "print(label, n * n)"}]}
            """;

    @TempDir
    Path data;
    private Quire quire;
    private Runs runs;
    private Notebooks notebooks;
    private String notebookId;

    @BeforeEach
    void start() {
        RunPrerequisites.requireKernelAndCorpus();
        quire = Quire.start(QuireSettings.embedded(data).withKernels(1, Duration.ZERO), false);
        runs = new Runs(quire);
        notebooks = new Notebooks(quire);
        notebookId = notebooks.importNotebook(NOTEBOOK.getBytes(), "square.ipynb", "reports/square.ipynb", "ann");
    }

    @AfterEach
    void stop() {
        if (quire != null) {
            quire.close();
        }
    }

    @Test
    void aRunIsPinnedToTheVersionItWasAskedFor() throws Exception {
        quire.commands().sendAndWait(new InsertCell(notebookId, "later", "square", CellType.CODE,
                "print('added later')", "bob"));
        quire.commands().sendAndWait(new NameVersion(notebookId, "reviewed", "ann"));
        quire.commands().sendAndWait(new InsertCell(notebookId, "final", "later", CellType.CODE,
                "print('final touch')", "bob"));

        JsonNode old = output(run("quire:reports/square.ipynb@0", Map.of("n", IntNode.valueOf(7))));
        JsonNode named = output(run("quire:reports/square.ipynb@reviewed", Map.of()));
        JsonNode latest = output(run("quire:reports/square.ipynb", Map.of()));

        assertThat(old.toString()).contains("x 49").doesNotContain("added later");
        assertThat(old.path("metadata").path("quire").path("source").path("version").asLong()).isZero();
        assertThat(named.toString()).contains("added later").doesNotContain("final touch");
        assertThat(latest.toString()).contains("added later").contains("final touch");
        long latestVersion = latest.path("metadata").path("quire").path("source").path("version").asLong();
        assertThat(latestVersion).isEqualTo(3);
        assertThat(latest.path("metadata").path("papermill").path("input_path").asText())
                .isEqualTo("quire:reports/square.ipynb@3");
    }

    @Test
    void theRunHistoryShowsEachRunOfTheNotebook() throws Exception {
        RunResult ok = run("quire:reports/square.ipynb", Map.of("n", IntNode.valueOf(3)));
        RunResult failed = run("quire:reports/square.ipynb", Map.of("n", TextNode.valueOf("three")));
        quire.awaitProjections(Duration.ofSeconds(30));

        List<RunSummary> history = runs.ofNotebook("reports/square.ipynb", 10);
        assertThat(history).extracting(RunSummary::runId).containsExactlyInAnyOrder(ok.runId(), failed.runId());
        RunSummary failure = runs.get(failed.runId()).orElseThrow();
        assertThat(failure.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failure.failedCellId()).isEqualTo("square");
        assertThat(failure.failureMessage()).contains("TypeError");
        assertThat(failure.outputLocation()).isEqualTo(failed.outputLocation());
        assertThat(failure.duration()).isNotNull();
        RunSummary success = runs.get(ok.runId()).orElseThrow();
        assertThat(success.parameters()).isEqualTo("{\"n\":3}");
        assertThat(success.cellsDone()).isEqualTo(success.cellsTotal()).isEqualTo(3);
    }

    @Test
    void aRetryRunsTheSameVersionWithTheSameParameters() throws Exception {
        RunResult first = run("quire:reports/square.ipynb", Map.of("n", IntNode.valueOf(4)));
        quire.commands().sendAndWait(new InsertCell(notebookId, "later", "square", CellType.CODE, "print('new')", "bob"));

        Runs.StartedRun retry = runs.retry(first.runId(), Map.of(), null, "ann", data, RunListener.NONE);
        RunResult again = retry.handle().result().get(90, TimeUnit.SECONDS);

        JsonNode output = output(again);
        assertThat(output.toString()).contains("x 16").doesNotContain("new");
        assertThat(output.path("metadata").path("quire").path("retry_of").asText()).isEqualTo(first.runId());
    }

    @Test
    void secretsReachTheKernelButNeverTheStoreTheEventsOrTheOutput() throws Exception {
        String secret = "hunter2-" + System.nanoTime();
        RunRequest request = new RunRequest("quire:reports/square.ipynb", null, Map.of(),
                Map.of("label", TextNode.valueOf(secret)), RunSettings.defaults(), false, RunTrigger.API, null, null,
                "ann", data);
        RunResult result = runs.start(request, RunListener.NONE).handle().result().get(90, TimeUnit.SECONDS);
        assertThat(result.succeeded()).isTrue();
        quire.close();
        quire = null;

        try (var files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain(secret);
            }
        }
        JsonNode output = JSON.readTree(Path.of(URI.create(result.outputLocation())).toFile());
        assertThat(output.toString()).contains("******** 1");
        assertThat(output.path("metadata").path("quire").path("secret_parameters").toString()).isEqualTo("[\"label\"]");

        quire = Quire.start(QuireSettings.embedded(data), false);
        assertThatThrownBy(() -> new Runs(quire).retry(result.runId(), Map.of(), null, "ann", data, RunListener.NONE))
                .hasMessageContaining("label").hasMessageContaining("--secret");
    }

    @Test
    void strictModeRefusesUnknownParametersAndWrongTypesBeforeRunning() {
        Map<String, JsonNode> wrong = new LinkedHashMap<>();
        wrong.put("n", TextNode.valueOf("five"));
        wrong.put("colour", TextNode.valueOf("red"));
        RunRequest request = new RunRequest("quire:reports/square.ipynb", null, wrong, Map.of(), RunSettings.defaults(),
                true, RunTrigger.API, null, null, "ann", data);

        assertThatThrownBy(() -> runs.start(request, RunListener.NONE))
                .isInstanceOf(InvalidParametersException.class)
                .hasMessageContaining("colour").hasMessageContaining("n");
        assertThat(quire.runProjections().history().all(10)).isEmpty();
    }

    @Test
    void anOutputNotebookIsNeverOverwritten() throws Exception {
        Path output = data.resolve("out.ipynb");
        RunRequest request = new RunRequest("quire:reports/square.ipynb", output.toString(), Map.of(), Map.of(),
                RunSettings.defaults(), false, RunTrigger.API, null, null, "ann", data);
        runs.start(request, RunListener.NONE).handle().result().get(90, TimeUnit.SECONDS);
        byte[] first = Files.readAllBytes(output);

        assertThatThrownBy(() -> runs.start(request, RunListener.NONE))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("never overwritten");
        assertThat(Files.readAllBytes(output)).isEqualTo(first);
    }

    @Test
    void anOutputCanBecomeANewQuireNotebook() throws Exception {
        RunRequest request = new RunRequest("quire:reports/square.ipynb", "quire:runs/square-out.ipynb",
                Map.of("n", IntNode.valueOf(9)), Map.of(), RunSettings.defaults(), false, RunTrigger.API, null, null,
                "ann", data);
        RunResult result = runs.start(request, RunListener.NONE).handle().result().get(90, TimeUnit.SECONDS);

        assertThat(result.outputLocation()).isEqualTo("quire:runs/square-out.ipynb");
        assertThat(new String(notebooks.export("runs/square-out.ipynb"))).contains("x 81");
    }

    @Test
    void runsLeftUnfinishedByACrashedQuireAreEndedAtTheNextStart() throws Exception {
        String runId = "crashed-run";
        quire.commands().sendAndWait(new RequestRun(runId, RunSource.file("x.ipynb", "00"),
                JSON.createObjectNode(), List.of(), RunSettings.defaults(), RunTrigger.API, null, null, "ann"));
        quire.commands().sendAndWait(new StartRun(runId, "kernel-1", "python3", 2));
        quire.close();

        quire = Quire.start(QuireSettings.embedded(data), false);
        assertThat(new Runs(quire).endAbandoned()).isEqualTo(1);
        quire.awaitProjections(Duration.ofSeconds(30));
        RunSummary run = quire.runProjections().history().get(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureKind()).isEqualTo("ABANDONED");
        assertThat(new Runs(quire).endAbandoned()).isZero();
    }

    private RunResult run(String input, Map<String, JsonNode> parameters) throws Exception {
        RunRequest request = new RunRequest(input, null, parameters, Map.of(), RunSettings.defaults(), false,
                RunTrigger.API, null, null, "ann", data);
        return runs.start(request, RunListener.NONE).handle().result().get(90, TimeUnit.SECONDS);
    }

    private static JsonNode output(RunResult result) throws Exception {
        assertThat(result.outputLocation()).as(String.valueOf(result)).isNotNull();
        return JSON.readTree(Path.of(URI.create(result.outputLocation())).toFile());
    }
}
