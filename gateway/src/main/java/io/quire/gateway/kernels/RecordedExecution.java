package io.quire.gateway.kernels;

import io.quire.kernel.client.KernelDiedException;
import io.quire.kernel.message.ExecuteReply;
import io.quire.kernel.message.Output;
import io.quire.kernel.wire.Json;
import io.quire.kernel.wire.Message;
import io.quire.runtime.execution.ExecutionRecorder;

/**
 * One relayed execute_request being recorded: hands the kernel's answers to its {@link ExecutionRecorder} and ends
 * the recording once both the execute_reply and the iopub {@code status: idle} have arrived (they are not ordered),
 * so every output is in before the end. Thread-safe: answers come on the kernel client's I/O thread, an
 * abandonment from a restart or shutdown.
 */
final class RecordedExecution {

    private final ExecutionRecorder recorder;
    private ExecuteReply reply;
    private boolean idle;
    private boolean ended;

    RecordedExecution(ExecutionRecorder recorder) {
        this.recorder = recorder;
    }

    /** An iopub message with this execution as parent; true once the execution is complete. */
    synchronized boolean onIopub(Message message) {
        switch (message.msgType()) {
            case "execute_input" -> recorder.onStart(message.content().path("execution_count").asInt(0));
            case "status" -> idle |= "idle".equals(Json.text(message.content(), "execution_state", null));
            default -> Output.from(message).ifPresent(recorder::onOutput);
        }
        return endIfComplete();
    }

    /** A shell message with this execution as parent; true once the execution is complete. */
    synchronized boolean onReply(Message message) {
        if (message.msgType().equals("execute_reply")) {
            reply = ExecuteReply.from(message.content());
        }
        return endIfComplete();
    }

    /** The kernel went away before the execution completed (restart, death, shutdown). */
    synchronized void abandon(String why) {
        if (!ended) {
            ended = true;
            recorder.end(null, new KernelDiedException(why, 0));
        }
    }

    private boolean endIfComplete() {
        if (ended || reply == null || !idle) {
            return ended;
        }
        ended = true;
        recorder.end(reply, null);
        return true;
    }
}
