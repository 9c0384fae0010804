package io.quire.runtime.execution;

import io.quire.domain.blob.OutputBlobs;
import io.quire.domain.notebook.ExecutionOutcome;
import io.quire.domain.notebook.command.RequestExecution;
import io.quire.kernel.client.KernelDiedException;
import io.quire.kernel.message.ExecuteReply;
import io.quire.kernel.message.ExecuteRequest;
import io.quire.runtime.kernel.RunningKernel;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Runs a notebook's code cell on a kernel and records every step on the notebook: the request (who, the code),
 * the start with its execution count, every output as it arrives, and how it ended.
 *
 * <p>Kernel callbacks arrive on the kernel client's I/O thread, which must never block; the commands that record
 * them are sent, in arrival order, from {@code recording}.
 */
public final class CellRunner {

    private final CommandGateway commands;
    private final Executor recording;
    private final OutputBlobs blobs;

    /**
     * @param commands  where the commands go
     * @param recording runs the recording of outputs; any executor, order is kept per execution
     * @param blobs     moves large output values out of the events
     */
    public CellRunner(CommandGateway commands, Executor recording, OutputBlobs blobs) {
        this.commands = commands;
        this.recording = recording;
        this.blobs = blobs;
    }

    /** What a finished execution gives back. */
    public record Result(String executionId, ExecutionOutcome outcome, String detail) {
    }

    /**
     * Runs {@code cellId} of {@code notebookId} on {@code kernel}, as {@code user}.
     *
     * @return completes once the end is recorded (after every output)
     * @throws io.quire.domain.CommandRejectedException when the cell cannot run (deleted, not code)
     */
    public CompletableFuture<Result> run(String notebookId, String cellId, String user, RunningKernel kernel) {
        String executionId = UUID.randomUUID().toString();
        String code = commands.sendAndWait(new RequestExecution(notebookId, executionId, cellId, null, user));
        ExecutionRecorder steps = ExecutionRecorder.accepted(commands, new SerialRecorder(commands, recording), blobs,
                notebookId, executionId);
        kernel.started();
        return kernel.client().execute(ExecuteRequest.of(code), steps)
                .handle(CellRunner::ending)
                .thenCompose(ending -> {
                    kernel.finished();
                    return steps.end(ending)
                            .thenApply(done -> new Result(executionId, ending.outcome(), ending.detail()));
                });
    }

    /**
     * A new order in which to record executions that someone else sends to a kernel (a Jupyter front end, through
     * the gateway), step by step, exactly as {@link #run} records its own. Use one per kernel, so that steps of
     * successive executions are recorded in the order they happened.
     */
    public ExecutionRecorder.Sequence recordingSequence() {
        return new ExecutionRecorder.Sequence(commands, new SerialRecorder(commands, recording), blobs);
    }

    record Ending(ExecutionOutcome outcome, Integer executionCount, String detail) {
    }

    static Ending ending(ExecuteReply reply, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof KernelDiedException) {
                return new Ending(ExecutionOutcome.KERNEL_DIED, null, "the kernel died: " + cause.getMessage());
            }
            return new Ending(ExecutionOutcome.KERNEL_DIED, null, "lost the kernel: " + cause);
        }
        Integer count = reply.executionCount() > 0 ? reply.executionCount() : null;
        return switch (reply.status()) {
            case OK -> new Ending(ExecutionOutcome.OK, count, null);
            case ABORTED -> new Ending(ExecutionOutcome.ABORTED, count, "not run: an earlier cell failed");
            case ERROR -> "KeyboardInterrupt".equals(reply.ename())
                    ? new Ending(ExecutionOutcome.INTERRUPTED, count, "interrupted")
                    : new Ending(ExecutionOutcome.ERROR, count, reply.ename() + ": " + reply.evalue());
        };
    }
}
