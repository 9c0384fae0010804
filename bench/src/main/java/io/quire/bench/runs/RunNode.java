package io.quire.bench.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import io.quire.bench.store.BenchStore;
import io.quire.domain.run.RunSettings;
import io.quire.domain.run.RunTrigger;
import io.quire.gateway.Quire;
import io.quire.gateway.QuireSettings;
import io.quire.gateway.runs.RunRequest;
import io.quire.gateway.runs.Runs;
import io.quire.kernel.spec.KernelSpec;
import io.quire.runtime.run.RunResult;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * A Quire node on a fresh H2 store with a warm kernel pool, running the benchmark notebook through
 * {@link Runs}: what a server does when a client asks for a run over the API.
 */
final class RunNode implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final Quire quire;
    private final Runs runs;
    private final KernelSpec spec;
    private final Path notebook;
    private final int poolSize;

    RunNode(BenchStore store, Path notebook, int poolSize) throws IOException {
        this.quire = Quire.start(store.settings(QuireSettings.DEFAULT_SNAPSHOT_THRESHOLD)
                .withKernels(poolSize, Duration.ZERO), false);
        this.runs = new Runs(quire);
        this.spec = quire.kernelSpecs().find("python3").orElseThrow(() -> new IllegalStateException(
                "no python3 kernelspec: apt-get install python3-ipykernel"));
        this.notebook = notebook;
        this.poolSize = poolSize;
    }

    /** A run started with {@code n = 20}, its phases and its result. */
    record Submitted(RunPhases phases, CompletableFuture<RunResult> result) {
    }

    /** Starts one run (blocks while the request is recorded), as the API's handler would. */
    Submitted submit() {
        RunPhases phases = new RunPhases();
        Map<String, JsonNode> parameters = Map.of(RunNotebook.PARAMETER, IntNode.valueOf(RunNotebook.VALUE));
        Runs.StartedRun started = runs.start(new RunRequest(notebook.toString(), null, parameters, Map.of(),
                RunSettings.defaults(), false, RunTrigger.API, null, null, "bench", notebook.getParent()), phases);
        phases.requested();
        return new Submitted(phases, started.handle().result());
    }

    Quire quire() {
        return quire;
    }

    KernelSpec spec() {
        return spec;
    }

    /** Starts filling the pool now, as a server that expects runs would. */
    void prepare() {
        quire.kernelPool().prepare(spec);
    }

    /**
     * Waits until the pool is full and no other kernel is alive (the previous runs' kernels have stopped), so that
     * the next run finds a warm kernel and competes with no kernel start or stop for the CPUs.
     */
    void awaitQuiet() throws InterruptedException, TimeoutException {
        awaitQuiet(0);
    }

    /** As {@link #awaitQuiet()}, with {@code others} kernels alive outside the pool (the caller's own). */
    void awaitQuiet(int others) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (quire.kernelPool().warmCount(spec) < poolSize || kernelProcesses() > poolSize + others) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the kernel pool did not fill within " + PATIENCE + " (warm: "
                        + quire.kernelPool().warmCount(spec) + " of " + poolSize + ", kernel processes: "
                        + kernelProcesses() + ")");
            }
            Thread.sleep(20);
        }
    }

    /** The kernels the runs ran on, from their RunStarted events. */
    java.util.Set<String> kernelsOf(java.util.List<String> runIds) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (String runId : runIds) {
            quire.eventStore().readEvents(runId).asStream()
                    .filter(event -> event.getPayload() instanceof io.quire.domain.run.event.RunStarted)
                    .forEach(event -> ids.add(((io.quire.domain.run.event.RunStarted) event.getPayload()).kernelId()));
        }
        return ids;
    }

    /**
     * Whether a process of one of these kernels is still alive: a kernel's command line names its connection file,
     * which lies in a directory named after the kernel's id.
     */
    static boolean anyAlive(java.util.Set<String> kernelIds) {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .map(process -> String.join(" ", process.info().arguments().orElse(new String[0])))
                .anyMatch(arguments -> kernelIds.stream().anyMatch(arguments::contains));
    }

    /** Kernel processes alive: this JVM's child processes (it starts no others meanwhile). */
    static long kernelProcesses() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).count();
    }

    /**
     * Checks that a run succeeded and that its output notebook shows the parameter's effect.
     *
     * @throws IllegalStateException otherwise: a failed run must not be counted as a fast one
     */
    static void check(RunResult result) throws IOException {
        if (!result.succeeded()) {
            throw new IllegalStateException("run " + result.runId() + " " + result.status() + ": " + result.failure());
        }
        String output = Files.readString(Path.of(URI.create(result.outputLocation())));
        if (!output.contains(RunNotebook.EXPECTED_OUTPUT)) {
            throw new IllegalStateException("run " + result.runId() + "'s output notebook does not show '"
                    + RunNotebook.EXPECTED_OUTPUT + "': " + result.outputLocation());
        }
    }

    @Override
    public void close() {
        quire.close();
    }
}
