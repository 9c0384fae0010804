package io.quire.runtime.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quire.domain.blob.OutputBlobs;
import io.quire.domain.nbformat.NotebookReader;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.NotebookContent;
import io.quire.domain.run.CellOutcome;
import io.quire.domain.run.Run;
import io.quire.domain.run.RunFailure;
import io.quire.domain.run.RunSettings;
import io.quire.domain.run.RunSource;
import io.quire.domain.run.RunStatus;
import io.quire.domain.run.RunTrigger;
import io.quire.domain.run.command.CancelRun;
import io.quire.domain.run.command.RequestRun;
import io.quire.domain.run.event.*;
import io.quire.kernel.spec.KernelSpec;
import io.quire.runtime.kernel.KernelPool;
import io.quire.runtime.kernel.LocalKernelLauncher;
import io.quire.runtime.papermill.PapermillMetadata;
import io.quire.runtime.testing.Await;
import io.quire.runtime.testing.InMemoryBlobStore;
import io.quire.runtime.testing.Python3Kernels;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs of small notebooks on real python3 kernels, recorded on Run aggregates kept in memory. */
class NotebookRunnerTest {

    private static final PapermillMetadata PAPERMILL = new PapermillMetadata("2.6.0");

    @TempDir
    static Path data;
    private static LocalKernelLauncher launcher;
    private static KernelPool pool;
    private static Configuration axon;
    private static NotebookRunner runner;

    @BeforeAll
    static void start() {
        launcher = Python3Kernels.launcher(data.resolve("kernels"));
        pool = new KernelPool(launcher, 1);
        pool.prepare(Python3Kernels.spec());
        axon = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(Run.class)
                .buildConfiguration();
        axon.start();
        runner = new NotebookRunner(axon.commandGateway(), Executors.newCachedThreadPool(),
                new OutputBlobs(new InMemoryBlobStore(), 1 << 16), new FreshKernels(pool, launcher),
                Duration.ofMillis(200), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
        if (pool != null) {
            pool.close();
        }
        if (launcher != null) {
            launcher.close();
        }
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Test
    void runsEveryCellAndPublishesTheOutputNotebookOnce() throws Exception {
        Finished run = run(RunSettings.defaults(), Map.of(), "x = 40", "print(x + 2)", "x / 2");

        assertThat(run.result.status()).isEqualTo(RunStatus.SUCCEEDED);
        NotebookContent output = run.output();
        assertThat(output.cells().get(1).outputs().get(0).get("text").asText()).isEqualTo("42\n");
        assertThat(output.cells().get(2).outputs().get(0).path("data").path("text/plain").asText()).isEqualTo("20.0");
        assertThat(output.cells()).extracting(Cell::executionCount).containsExactly(1, 2, 3);
        assertThat(output.cells().get(0).metadata().path("papermill").path("status").asText()).isEqualTo("completed");
        assertThat(output.metadata().path("papermill").path("exception").isNull()).isTrue();
        assertThat(run.types()).containsExactly("RunRequested", "RunStarted",
                "RunCellStarted", "RunCellEnded", "RunCellStarted", "RunOutputProduced", "RunCellEnded",
                "RunCellStarted", "RunOutputProduced", "RunCellEnded", "RunSucceeded");
        assertThat(run.last(RunSucceeded.class).outputLocation()).isEqualTo(run.result.outputLocation());
        assertThat(run.checkpointLeft()).isFalse();
    }

    @Test
    void theFirstFailingCellFailsTheRunAndTheRestDoNotRun() throws Exception {
        Finished run = run(RunSettings.defaults(), Map.of(), "a = 1", "raise ValueError('bad input')", "print('never')");

        assertThat(run.result.status()).isEqualTo(RunStatus.FAILED);
        RunFailure failure = run.result.failure();
        assertThat(failure.kind()).isEqualTo(RunFailure.Kind.CELL_ERROR);
        assertThat(failure.cellId()).isEqualTo("c1");
        assertThat(failure.cellIndex()).isEqualTo(1);
        assertThat(failure.executionCount()).isEqualTo(2);
        assertThat(failure.ename()).isEqualTo("ValueError");
        assertThat(failure.evalue()).isEqualTo("bad input");
        NotebookContent output = run.output();
        // papermill's markers: a banner on top, an anchor right before the failing cell
        assertThat(output.cells()).extracting(Cell::id).containsExactly("papermill-error-cell-banner", "c0",
                "papermill-error-cell-anchor", "c1", "c2");
        assertThat(output.cells().get(0).source()).contains("In [2]");
        assertThat(output.cells().get(3).metadata().path("papermill").path("status").asText()).isEqualTo("failed");
        assertThat(output.cells().get(4).metadata().path("papermill").path("status").asText()).isEqualTo("pending");
        assertThat(output.cells().get(4).executionCount()).isNull();
        assertThat(output.metadata().path("papermill").path("exception").asBoolean()).isTrue();
        assertThat(run.last(RunFailed.class).failure()).isEqualTo(failure);
    }

    @Test
    void sysExitWithoutErrorStopsTheRunSuccessfully() throws Exception {
        Finished run = run(RunSettings.defaults(), Map.of(), "import sys", "sys.exit()", "print('never')");

        assertThat(run.result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.result.note()).contains("sys.exit()");
        assertThat(run.output().cells().get(2).executionCount()).isNull();
        assertThat(run.last(RunCellEnded.class).outcome()).isEqualTo(CellOutcome.EXITED);

        Finished failing = run(RunSettings.defaults(), Map.of(), "import sys", "sys.exit(1)", "print('never')");
        assertThat(failing.result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failing.result.failure().ename()).isEqualTo("SystemExit");
    }

    @Test
    void aCellPastItsTimeLimitFailsTheRunAtThatCell() throws Exception {
        RunSettings settings = new RunSettings(null, Duration.ofSeconds(1), null, false, null);
        Finished run = run(settings, Map.of(), "import time", "time.sleep(60)", "print('never')");

        assertThat(run.result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.result.failure().kind()).isEqualTo(RunFailure.Kind.CELL_TIMEOUT);
        assertThat(run.result.failure().cellId()).isEqualTo("c1");
        assertThat(run.result.duration()).isLessThan(Duration.ofSeconds(20));
        assertThat(run.output().cells().get(3).metadata().path("papermill").path("status").asText()).isEqualTo("failed");
        assertThat(run.last(RunCellEnded.class).outcome()).isEqualTo(CellOutcome.TIMED_OUT);
    }

    @Test
    void aRunPastItsTimeLimitFails() throws Exception {
        RunSettings settings = new RunSettings(null, null, Duration.ofSeconds(6), false, null);
        // The run's time counts from before it takes its kernel: a kernel still starting (the pool refills after the
        // last test's run; slow on a loaded machine) would use the limit up before the cell that should exceed it.
        Await.until("a warm kernel in the pool", Duration.ofSeconds(60),
                () -> pool.warmCount(Python3Kernels.spec()) >= 1);
        Finished run = run(settings, Map.of(), "import time", "time.sleep(0.5)", "time.sleep(60)");

        assertThat(run.result.failure().kind()).isEqualTo(RunFailure.Kind.RUN_TIMEOUT);
        assertThat(run.result.failure().cellId()).isEqualTo("c2");
    }

    @Test
    void aDeadKernelFailsTheRunAtItsCell() throws Exception {
        Finished run = run(RunSettings.defaults(), Map.of(), "import os, signal", "os.kill(os.getpid(), signal.SIGKILL)");

        assertThat(run.result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.result.failure().kind()).isEqualTo(RunFailure.Kind.KERNEL_DIED);
        assertThat(run.result.failure().cellId()).isEqualTo("c1");
        assertThat(run.output().cells().get(3).metadata().path("papermill").path("status").asText()).isEqualTo("failed");
    }

    @Test
    void secretValuesNeverReachEventsOrTheOutputNotebook() throws Exception {
        String secret = "s3cr3t-" + UUID.randomUUID();
        Finished run = run(RunSettings.defaults(), Map.of("token", TextNode.valueOf(secret)),
                "token = '" + secret + "'", "print('the token is', token)", "raise RuntimeError(token)");

        String everything = run.bytes() + run.events.toString();
        assertThat(everything).doesNotContain(secret).contains(SecretMask.MASK);
        assertThat(run.result.failure().evalue()).isEqualTo(SecretMask.MASK);
    }

    @Test
    void aCancelledRunStopsItsCellAndEndsCancelled() throws Exception {
        String runId = request(RunSettings.defaults());
        NotebookContent notebook = notebook("import time", "time.sleep(60)", "print('never')");
        List<String> started = new CopyOnWriteArrayList<>();
        RunHandle handle = runner.start(plan(runId, notebook, RunSettings.defaults(), Map.of()), new RunListener() {
            @Override
            public void cellStarted(String cellId, int number, int total) {
                started.add(cellId);
            }
        });
        while (!started.contains("c1")) {
            Thread.sleep(20);
        }
        Thread.sleep(300);
        handle.cancel("wrong parameters", "bob");
        RunResult result = handle.result().get(30, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(events(runId)).last().isInstanceOf(RunCancelled.class);
        assertThat(events(runId)).anySatisfy(e -> assertThat(e).isInstanceOf(RunCancellationRequested.class));
    }

    @Test
    void aRunCancelledBeforeItStartsNeverRuns() throws Exception {
        String runId = request(RunSettings.defaults());
        axon.commandGateway().sendAndWait(new CancelRun(runId, "changed my mind", "bob"));
        RunResult result = runner.start(plan(runId, notebook("print(1)"), RunSettings.defaults(), Map.of()),
                RunListener.NONE).result().get(30, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(events(runId)).noneSatisfy(e -> assertThat(e).isInstanceOf(RunStarted.class));
    }

    @Test
    void noKernelFailsTheRunWithTheReason() throws Exception {
        String runId = request(RunSettings.defaults());
        KernelSpec broken = new KernelSpec("broken", data, List.of("/nonexistent/python", "-f", "{connection_file}"),
                "Broken", "python", io.quire.kernel.spec.InterruptMode.SIGNAL, Map.of(), JsonNodeFactory.instance.objectNode());
        RunPlan plan = new RunPlan(runId, notebook("1"), notebook("1"), SecretMask.none(), broken,
                RunSettings.defaults(), data, new DirectoryOutput(data.resolve("out"), runId), PAPERMILL);
        RunResult result = runner.start(plan, RunListener.NONE).result().get(60, TimeUnit.SECONDS);

        assertThat(result.failure().kind()).isEqualTo(RunFailure.Kind.KERNEL_UNAVAILABLE);
        assertThat(result.failure().message()).contains("broken");
        assertThat(result.outputLocation()).isNull();
    }

    // ---- plumbing

    private record Finished(RunResult result, List<Object> events, Path file, Path directory) {

        NotebookContent output() throws IOException {
            return new NotebookReader().read(Files.readAllBytes(file), file.toString());
        }

        String bytes() throws IOException {
            return Files.readString(file);
        }

        List<String> types() {
            return events.stream().map(e -> e.getClass().getSimpleName()).toList();
        }

        <T> T last(Class<T> type) {
            List<Object> matching = new ArrayList<>(events.stream().filter(type::isInstance).toList());
            return type.cast(matching.get(matching.size() - 1));
        }

        boolean checkpointLeft() throws IOException {
            try (var files = Files.list(directory)) {
                return files.anyMatch(f -> f.getFileName().toString().contains("partial"));
            }
        }
    }

    private Finished run(RunSettings settings, Map<String, JsonNode> secrets, String... sources) throws Exception {
        String runId = request(settings);
        RunPlan plan = plan(runId, notebook(sources), settings, secrets);
        RunResult result = runner.start(plan, RunListener.NONE).result().get(90, TimeUnit.SECONDS);
        DirectoryOutput output = (DirectoryOutput) plan.output();
        return new Finished(result, events(runId), output.file, output.directory);
    }

    private static String request(RunSettings settings) {
        String runId = UUID.randomUUID().toString();
        axon.commandGateway().sendAndWait(new RequestRun(runId, RunSource.file("test.ipynb", "00"),
                JsonNodeFactory.instance.objectNode(), List.of(), settings, RunTrigger.USER, null, null, "ann"));
        return runId;
    }

    private static RunPlan plan(String runId, NotebookContent notebook, RunSettings settings,
                                Map<String, JsonNode> secrets) {
        SecretMask mask = new SecretMask(secrets);
        NotebookContent kept = new NotebookContent(notebook.metadata(), notebook.cells().stream()
                .map(c -> new Cell(c.id(), c.type(), mask.mask(c.source()), c.metadata(), c.outputs(),
                        c.executionCount(), c.attachments())).toList());
        return new RunPlan(runId, notebook, kept, mask, Python3Kernels.spec(), settings, null,
                new DirectoryOutput(data.resolve("out-" + runId), runId), PAPERMILL);
    }

    private static NotebookContent notebook(String... sources) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            cells.add(Cell.empty("c" + i, CellType.CODE, sources[i]));
        }
        return new NotebookContent(null, cells);
    }

    private static List<Object> events(String runId) {
        return axon.eventStore().readEvents(runId).asStream().map(Message::getPayload).map(Object.class::cast).toList();
    }

    /** Output notebooks as files in a directory: published with CREATE_NEW, so never overwritten. */
    private static final class DirectoryOutput implements RunOutput {

        private final Path directory;
        private final Path file;

        DirectoryOutput(Path directory, String runId) {
            this.directory = directory;
            this.file = directory.resolve(runId + ".ipynb");
        }

        @Override
        public String publish(byte[] notebook) {
            try {
                Files.createDirectories(directory);
                Files.write(file, notebook, StandardOpenOption.CREATE_NEW);
                return file.toUri().toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void checkpoint(byte[] partial) {
            try {
                Files.createDirectories(directory);
                Files.write(directory.resolve("partial.ipynb"), partial);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void discardCheckpoint() {
            try {
                Files.deleteIfExists(directory.resolve("partial.ipynb"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String location() {
            return file.toString();
        }
    }
}
