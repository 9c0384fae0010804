package io.quire.runtime.execution;

import io.quire.domain.CommandRejectedException;
import io.quire.domain.blob.OutputBlobs;
import io.quire.domain.notebook.command.RecordExecutionEnd;
import io.quire.domain.notebook.command.RecordExecutionStart;
import io.quire.domain.notebook.command.RequestExecution;
import io.quire.kernel.client.ExecutionListener;
import io.quire.kernel.message.ExecuteReply;
import io.quire.kernel.message.Output;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Records on a notebook an execution that someone else sends to a kernel (a Jupyter front end, through the
 * gateway's relay): each step becomes the command {@link CellRunner} sends for its own executions, sent off the
 * caller's thread in the order the steps were given to the recorders of one {@link Sequence}. Get a sequence from
 * {@link CellRunner#recordingSequence()}, one per kernel.
 *
 * <p>The first step, {@link #request}, decides: when no candidate request is accepted by the notebook (the cell is
 * unknown, deleted, or not code; the notebook is gone), nothing else of the execution is recorded. Every method
 * returns at once and may be called from any thread, the kernel client's I/O thread included; give the steps in
 * their order (request, start, outputs, end), from one thread at a time.
 */
public final class ExecutionRecorder implements ExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionRecorder.class);

    private final CommandGateway commands;
    private final SerialRecorder recorder;
    private final OutputBlobs blobs;
    private final String executionId;
    /**
     * Set by the accepted request, before any later step of this execution is made: steps run one after another on
     * the recording executor. Null: not accepted, nothing more to record.
     */
    private volatile String notebookId;

    /** One order of recording, shared by the recorders it makes: the executions of one kernel. Thread-safe. */
    public static final class Sequence {

        private final CommandGateway commands;
        private final SerialRecorder recorder;
        private final OutputBlobs blobs;

        Sequence(CommandGateway commands, SerialRecorder recorder, OutputBlobs blobs) {
            this.commands = commands;
            this.recorder = recorder;
            this.blobs = blobs;
        }

        /** A recorder for one execution; its steps are recorded after those already given to this sequence. */
        public ExecutionRecorder recorder(String executionId) {
            return new ExecutionRecorder(commands, recorder, blobs, executionId);
        }
    }

    private ExecutionRecorder(CommandGateway commands, SerialRecorder recorder, OutputBlobs blobs, String executionId) {
        this.commands = commands;
        this.recorder = recorder;
        this.blobs = blobs;
        this.executionId = executionId;
    }

    /** A recorder for an execution whose request the notebook has already accepted (CellRunner's own runs). */
    static ExecutionRecorder accepted(CommandGateway commands, SerialRecorder recorder, OutputBlobs blobs,
                                      String notebookId, String executionId) {
        ExecutionRecorder accepted = new ExecutionRecorder(commands, recorder, blobs, executionId);
        accepted.notebookId = notebookId;
        return accepted;
    }

    public String executionId() {
        return executionId;
    }

    /**
     * Queues the request. The candidates are called on the recording executor (they may read projections), in
     * order, until the notebook accepts the command one makes; a candidate may return {@code null} (nothing to try).
     * Each command must carry this recorder's execution id.
     *
     * @return completes with whether a request was recorded (false: nothing of this execution will be)
     */
    public CompletableFuture<Boolean> request(List<Supplier<RequestExecution>> candidates) {
        CompletableFuture<Boolean> accepted = new CompletableFuture<>();
        recorder.record(() -> {
            accepted.complete(candidates.stream().anyMatch(this::tryRequest));
            return null;
        });
        return accepted;
    }

    private boolean tryRequest(Supplier<RequestExecution> candidate) {
        try {
            RequestExecution command = candidate.get();
            if (command == null) {
                return false;
            }
            if (!executionId.equals(command.executionId())) {
                throw new IllegalArgumentException("the request is for execution " + command.executionId()
                        + ", this recorder records " + executionId);
            }
            commands.sendAndWait(command);
            notebookId = command.notebookId();
            return true;
        } catch (CommandRejectedException e) {
            LOG.debug("execution {}: request not accepted: {}", executionId, e.getMessage());
            return false;
        } catch (RuntimeException e) {
            LOG.warn("execution {}: cannot record its request", executionId, e);
            return false;
        }
    }

    /** The kernel began running the code ({@code execute_input}) with this execution count. */
    @Override
    public void onStart(int executionCount) {
        recorder.record(() -> notebookId == null ? null
                : new RecordExecutionStart(notebookId, executionId, executionCount));
    }

    /** One output, in the order the kernel published them. */
    @Override
    public void onOutput(Output output) {
        recorder.record(() -> notebookId == null ? null
                : OutputCommands.of(notebookId, executionId, output, blobs));
    }

    /**
     * Queues the end: from the reply, or from the failure that ended the execution without one (a
     * {@link io.quire.kernel.client.KernelDiedException} for a kernel that died or was restarted).
     *
     * @return completes once every step of the execution has been handled
     */
    public CompletableFuture<Void> end(ExecuteReply reply, Throwable failure) {
        return end(CellRunner.ending(reply, failure));
    }

    CompletableFuture<Void> end(CellRunner.Ending ending) {
        return recorder.record(() -> notebookId == null ? null
                : new RecordExecutionEnd(notebookId, executionId, ending.outcome(), ending.executionCount(),
                ending.detail()));
    }
}
