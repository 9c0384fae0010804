package io.quire.runtime.run;

import io.quire.domain.blob.OutputBlobs;
import io.quire.domain.run.RunFailure;
import io.quire.domain.run.RunStatus;
import io.quire.runtime.execution.SerialRecorder;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs parameterized notebooks on fresh kernels and records each run on its Run aggregate (which the caller has
 * requested with RequestRun). Each run has a thread of its own; any number may go at once.
 */
public final class NotebookRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotebookRunner.class);

    private final CommandGateway commands;
    private final java.util.concurrent.Executor recording;
    private final OutputBlobs blobs;
    private final FreshKernels kernels;
    private final Duration checkpointEvery;
    private final Clock clock;
    private final ExecutorService runs = Executors.newCachedThreadPool(daemon("quire-run"));
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("quire-run-checkpoints"));
    private final ExecutorService kernelStops = Executors.newCachedThreadPool(daemon("quire-run-kernel-stop"));
    private final Map<String, RunHandle> going = new ConcurrentHashMap<>();

    /**
     * @param recording       where run steps are recorded from (any executor; order is kept per run)
     * @param checkpointEvery how often a running run's partial output notebook is written
     */
    public NotebookRunner(CommandGateway commands, java.util.concurrent.Executor recording, OutputBlobs blobs,
                          FreshKernels kernels, Duration checkpointEvery, Clock clock) {
        this.commands = commands;
        this.recording = recording;
        this.blobs = blobs;
        this.kernels = kernels;
        this.checkpointEvery = checkpointEvery;
        this.clock = clock;
    }

    /** Starts a requested run; returns at once. */
    public RunHandle start(RunPlan plan, RunListener listener) {
        CompletableFuture<RunHandle.Cancellation> cancellation = new CompletableFuture<>();
        CompletableFuture<RunResult> result = new CompletableFuture<>();
        RunHandle handle = new RunHandle(plan.runId(), result, cancellation);
        going.put(plan.runId(), handle);
        RunExecution execution = new RunExecution(plan, listener, commands, new SerialRecorder(commands, recording),
                blobs, kernels, timers, kernelStops, checkpointEvery, clock, cancellation);
        runs.execute(() -> {
            try {
                result.complete(execution.run());
            } catch (RuntimeException | Error e) {
                LOG.error("run {} broke down", plan.runId(), e);
                result.complete(new RunResult(plan.runId(), RunStatus.FAILED,
                        RunFailure.of(RunFailure.Kind.ABANDONED, "Quire could not carry on the run: " + e), null,
                        null, Duration.ZERO));
            } finally {
                going.remove(plan.runId());
            }
        });
        return handle;
    }

    /** The run going on in this process with this id, if any. */
    public java.util.Optional<RunHandle> going(String runId) {
        return java.util.Optional.ofNullable(going.get(runId));
    }

    /** Cancels the runs still going (Quire is stopping) and waits a little for them to end. */
    @Override
    public void close() {
        going.values().forEach(handle -> handle.cancel("Quire stopped while the run was going", "quire"));
        runs.shutdown();
        timers.shutdown();
        try {
            runs.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            kernelStops.shutdown(); // after the runs: an ending run hands its kernel over to be stopped
            kernelStops.awaitTermination(15, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
