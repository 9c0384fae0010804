package io.quire.runtime.run;

import io.quire.domain.CommandRejectedException;
import io.quire.domain.blob.OutputBlobs;
import io.quire.domain.nbformat.NotebookWriter;
import io.quire.domain.notebook.Cell;
import io.quire.domain.run.CellOutcome;
import io.quire.domain.run.RunFailure;
import io.quire.domain.run.RunStatus;
import io.quire.domain.run.command.CancelRun;
import io.quire.domain.run.command.EndRun;
import io.quire.domain.run.command.RecordRunCellEnd;
import io.quire.domain.run.command.RecordRunCellStart;
import io.quire.domain.run.command.StartRun;
import io.quire.kernel.client.KernelDiedException;
import io.quire.kernel.message.ExecuteReply;
import io.quire.kernel.message.ExecuteRequest;
import io.quire.kernel.message.ReplyStatus;
import io.quire.runtime.execution.SerialRecorder;
import io.quire.runtime.kernel.RunningKernel;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run from its kernel to its end, on the thread that calls {@link #run()}: cells one after another, each
 * recorded as it starts, as it outputs and as it ends; the first failing cell stops the run; a cell or run time
 * limit interrupts the kernel and fails the run at that cell; the output notebook is published once at the end.
 */
final class RunExecution {

    private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);
    /** How long an interrupted cell may take to stop before its kernel is given up. */
    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(5);

    private final RunPlan plan;
    private final RunListener listener;
    private final CommandGateway commands;
    private final SerialRecorder recorder;
    private final OutputBlobs blobs;
    private final FreshKernels kernels;
    private final ScheduledExecutorService timers;
    private final java.util.concurrent.Executor kernelStops;
    private final Duration checkpointEvery;
    /** Held while a checkpoint is written; {@link #ended} is set under it when the run's output is published. */
    private final Object checkpointing = new Object();
    private boolean ended;
    private final Clock clock;
    private final CompletableFuture<RunHandle.Cancellation> cancellation;
    private final OutputNotebook notebook;
    private final NotebookWriter writer = new NotebookWriter();

    RunExecution(RunPlan plan, RunListener listener, CommandGateway commands, SerialRecorder recorder,
                 OutputBlobs blobs, FreshKernels kernels, ScheduledExecutorService timers,
                 java.util.concurrent.Executor kernelStops, Duration checkpointEvery,
                 Clock clock, CompletableFuture<RunHandle.Cancellation> cancellation) {
        this.plan = plan;
        this.listener = listener;
        this.commands = commands;
        this.recorder = recorder;
        this.blobs = blobs;
        this.kernels = kernels;
        this.timers = timers;
        this.kernelStops = kernelStops;
        this.checkpointEvery = checkpointEvery;
        this.clock = clock;
        this.cancellation = cancellation;
        this.notebook = new OutputNotebook(plan.kept(), plan.papermill());
    }

    /** How a cell, and so perhaps the run, ended. */
    private record CellEnd(CellOutcome outcome, Integer executionCount, RunFailure failure, String note) {

        boolean stopsTheRun() {
            return outcome != CellOutcome.COMPLETED;
        }
    }

    RunResult run() {
        Instant start = clock.instant();
        notebook.runStarted(start);
        RunningKernel kernel;
        try {
            kernel = kernels.take(plan.kernel(), plan.workingDirectory());
        } catch (RuntimeException e) {
            return end(start, RunFailure.of(RunFailure.Kind.KERNEL_UNAVAILABLE, e.getMessage()), null, false);
        }
        ScheduledFuture<?> checkpoints = null;
        try {
            List<Integer> codeCells = plan.codeCells();
            try {
                commands.sendAndWait(new StartRun(plan.runId(), kernel.id(), plan.kernel().name(), codeCells.size()));
            } catch (CommandRejectedException e) {
                // Cancelled before it started: the run has ended already, and must not run.
                return new RunResult(plan.runId(), RunStatus.CANCELLED, null, null, e.getMessage(),
                        Duration.between(start, clock.instant()));
            }
            listener.started(plan.kernel().name(), codeCells.size());
            try {
                checkpoints = timers.scheduleWithFixedDelay(this::checkpoint, checkpointEvery.toMillis(),
                        checkpointEvery.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.info("run {} starts while Quire stops: no partial checkpoints", plan.runId());
            }
            Instant deadline = plan.settings().runTimeout() == null ? null : start.plus(plan.settings().runTimeout());
            List<Cell> cells = plan.executed().cells();
            CellEnd stop = null;
            int number = 0;
            for (int index = 0; index < cells.size() && stop == null; index++) {
                if (!codeCells.contains(index)) {
                    notebook.passed(index, clock.instant());
                    continue;
                }
                number++;
                if (cancellation.isDone()) {
                    RunHandle.Cancellation cancelled = cancellation.join();
                    recorder.record(() -> new CancelRun(plan.runId(), cancelled.reason(), cancelled.user()));
                    stop = new CellEnd(CellOutcome.INTERRUPTED, null, null, cancelled.reason());
                    break;
                }
                CellEnd end = runCell(kernel, index, number, codeCells.size(), deadline);
                if (end.stopsTheRun()) {
                    stop = end;
                }
            }
            if (stop != null && stop.outcome() == CellOutcome.INTERRUPTED && stop.failure() == null) {
                return end(start, null, stop.note(), true);
            }
            return end(start, stop == null ? null : stop.failure(), stop == null ? null : stop.note(), false);
        } finally {
            if (checkpoints != null) {
                checkpoints.cancel(false);
            }
            // Shutting a kernel down takes a while; the run's result does not wait for it (the runner's close does).
            try {
                kernelStops.execute(kernel::close);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                kernel.close(); // the runner is closing: stop it now
            }
        }
    }

    private CellEnd runCell(RunningKernel kernel, int index, int number, int total, Instant deadline) {
        Cell cell = plan.executed().cells().get(index);
        String cellId = cell.id();
        recorder.record(() -> new RecordRunCellStart(plan.runId(), cellId, index));
        notebook.cellStarted(index, clock.instant());
        listener.cellStarted(cellId, number, total);
        CellOutputListener outputs = new CellOutputListener(plan, notebook, recorder, blobs, listener, index, cellId);
        CompletableFuture<ExecuteReply> reply = kernel.client().execute(ExecuteRequest.of(cell.source()), outputs);
        CellEnd end = await(kernel, reply, outputs, index, cellId, deadline);
        notebook.cellEnded(index, clock.instant(), end.outcome() != CellOutcome.COMPLETED);
        recorder.record(() -> new RecordRunCellEnd(plan.runId(), cellId, end.outcome(), end.executionCount(),
                end.failure() == null ? end.note() : end.failure().message()));
        listener.cellEnded(cellId, number, total, end.outcome());
        return end;
    }

    private CellEnd await(RunningKernel kernel, CompletableFuture<ExecuteReply> reply, CellOutputListener outputs,
                          int index, String cellId, Instant deadline) {
        Duration limit = limit(deadline);
        boolean runLimit = deadline != null && (plan.settings().cellTimeout() == null
                || limit.compareTo(plan.settings().cellTimeout()) < 0);
        try {
            CompletableFuture<Object> first = CompletableFuture.anyOf(reply, cancellation);
            if (limit == null) {
                first.get();
            } else {
                first.get(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
            }
            if (reply.isDone()) {
                return ending(reply.join(), outputs, index, cellId);
            }
            RunHandle.Cancellation cancelled = cancellation.join();
            recorder.record(() -> new CancelRun(plan.runId(), cancelled.reason(), cancelled.user()));
            stopCell(kernel, reply);
            return new CellEnd(CellOutcome.INTERRUPTED, outputs.executionCount(reply), null, cancelled.reason());
        } catch (TimeoutException e) {
            stopCell(kernel, reply);
            Integer count = outputs.executionCount(reply);
            if (runLimit) {
                return new CellEnd(CellOutcome.INTERRUPTED, count, new RunFailure(RunFailure.Kind.RUN_TIMEOUT, cellId,
                        index, count, null, null, "the run took longer than its limit of "
                        + human(plan.settings().runTimeout()) + "; it was stopped in " + where(index, count)), null);
            }
            return new CellEnd(CellOutcome.TIMED_OUT, count, new RunFailure(RunFailure.Kind.CELL_TIMEOUT, cellId, index,
                    count, null, null, where(index, count) + " ran longer than the cell time limit of "
                    + human(plan.settings().cellTimeout()) + " and was interrupted"), null);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            Integer count = outputs.executionCount(null);
            String why = cause instanceof KernelDiedException ? "the kernel died" : "the kernel was lost (" + cause + ")";
            return new CellEnd(CellOutcome.KERNEL_DIED, count, new RunFailure(RunFailure.Kind.KERNEL_DIED, cellId, index,
                    count, null, null, why + " while running " + where(index, count)), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopCell(kernel, reply);
            return new CellEnd(CellOutcome.INTERRUPTED, outputs.executionCount(reply),
                    RunFailure.of(RunFailure.Kind.ABANDONED, "Quire stopped while the run was going"), null);
        }
    }

    /** Interrupts the kernel and gives the cell a moment to stop; a kernel that does not is killed. */
    private void stopCell(RunningKernel kernel, CompletableFuture<ExecuteReply> reply) {
        kernel.client().interrupt();
        try {
            reply.get(INTERRUPT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("run {}: the kernel did not stop the cell when interrupted; stopping the kernel", plan.runId());
            kernel.process().kill();
        }
    }

    private CellEnd ending(ExecuteReply reply, CellOutputListener outputs, int index, String cellId) {
        Integer count = reply.executionCount() > 0 ? reply.executionCount() : outputs.executionCount(null);
        if (reply.status() == ReplyStatus.OK) {
            return new CellEnd(CellOutcome.COMPLETED, count, null, null);
        }
        String ename = reply.ename() != null && !reply.ename().isEmpty() ? reply.ename() : outputs.ename();
        String evalue = reply.ename() != null && !reply.ename().isEmpty() ? reply.evalue() : outputs.evalue();
        if ("SystemExit".equals(ename) && (evalue == null || evalue.isEmpty() || evalue.equals("0"))) {
            // papermill's rule: sys.exit() / sys.exit(0) stops the notebook without failing it.
            return new CellEnd(CellOutcome.EXITED, count, null, "stopped by sys.exit() in " + where(index, count));
        }
        if (ename == null || ename.isEmpty()) {
            ename = reply.status() == ReplyStatus.ABORTED ? "Aborted" : "CellExecutionError";
        }
        evalue = plan.mask().mask(evalue);
        return new CellEnd(CellOutcome.FAILED, count, new RunFailure(RunFailure.Kind.CELL_ERROR, cellId, index, count,
                ename, evalue, where(index, count) + " raised " + ename + (evalue == null || evalue.isEmpty() ? ""
                : ": " + evalue)), null);
    }

    private RunResult end(Instant start, RunFailure failure, String note, boolean cancelled) {
        // No checkpoint after this one: one running on the timer thread could write the partial notebook again
        // after it was discarded below, and leave it beside the published output for ever.
        synchronized (checkpointing) {
            ended = true;
        }
        Instant end = clock.instant();
        notebook.runEnded(end, failure);
        String location = null;
        if (failure == null || failure.kind() != RunFailure.Kind.KERNEL_UNAVAILABLE) {
            try {
                location = plan.output().publish(writer.write(notebook.render()));
                plan.output().discardCheckpoint();
            } catch (RuntimeException e) {
                LOG.warn("run {}: the output notebook could not be written", plan.runId(), e);
                String message = "the output notebook could not be written to " + plan.output().location() + ": "
                        + e.getMessage();
                if (failure == null) {
                    failure = RunFailure.of(RunFailure.Kind.OUTPUT_NOT_WRITTEN, message);
                } else {
                    note = message;
                }
            }
        }
        RunFailure failed = failure;
        String published = location;
        String finalNote = note;
        CompletableFuture<Void> recorded = recorder.record(() -> new EndRun(plan.runId(), failed, published, finalNote));
        recorded.join();
        RunStatus status = failure != null ? RunStatus.FAILED : cancelled ? RunStatus.CANCELLED : RunStatus.SUCCEEDED;
        RunResult result = new RunResult(plan.runId(), status, failure, location, note, Duration.between(start, end));
        listener.ended(result);
        return result;
    }

    private void checkpoint() {
        synchronized (checkpointing) {
            if (ended) {
                return;
            }
            try {
                plan.output().checkpoint(writer.write(notebook.render()));
            } catch (RuntimeException e) {
                LOG.warn("run {}: could not write a checkpoint of the output notebook", plan.runId(), e);
            }
        }
    }

    private Duration limit(Instant deadline) {
        Duration cell = plan.settings().cellTimeout();
        if (deadline == null) {
            return cell;
        }
        Duration left = Duration.between(clock.instant(), deadline);
        return cell == null || left.compareTo(cell) < 0 ? left : cell;
    }

    private String where(int index, Integer count) {
        return "cell " + (index + 1) + (count == null ? "" : " (In [" + count + "])");
    }

    private static String human(Duration duration) {
        return duration.toString().substring(2).toLowerCase();
    }
}
