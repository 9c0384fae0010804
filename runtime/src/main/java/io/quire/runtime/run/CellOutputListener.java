package io.quire.runtime.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.domain.blob.OutputBlobs;
import io.quire.domain.run.command.RecordRunOutput;
import io.quire.domain.run.command.RecordRunOutputClear;
import io.quire.kernel.client.ExecutionListener;
import io.quire.kernel.message.ClearOutput;
import io.quire.kernel.message.DisplayData;
import io.quire.kernel.message.ErrorOutput;
import io.quire.kernel.message.ExecuteReply;
import io.quire.kernel.message.ExecuteResult;
import io.quire.kernel.message.Output;
import io.quire.kernel.message.StreamOutput;
import io.quire.kernel.message.UpdateDisplayData;
import io.quire.runtime.execution.OutputJson;
import io.quire.runtime.execution.SerialRecorder;

import java.util.concurrent.CompletableFuture;

/**
 * Turns one cell's kernel outputs into the output notebook and the run's events, secrets masked. Called on the
 * kernel client's I/O thread: it only hands work on.
 */
final class CellOutputListener implements ExecutionListener {

    private final RunPlan plan;
    private final OutputNotebook notebook;
    private final SerialRecorder recorder;
    private final OutputBlobs blobs;
    private final RunListener listener;
    private final int index;
    private final String cellId;
    private volatile Integer executionCount;
    private volatile String ename;
    private volatile String evalue;

    CellOutputListener(RunPlan plan, OutputNotebook notebook, SerialRecorder recorder, OutputBlobs blobs,
                       RunListener listener, int index, String cellId) {
        this.plan = plan;
        this.notebook = notebook;
        this.recorder = recorder;
        this.blobs = blobs;
        this.listener = listener;
        this.index = index;
        this.cellId = cellId;
    }

    @Override
    public void onStart(int count) {
        executionCount = count;
        notebook.executionCount(index, count);
    }

    @Override
    public void onOutput(Output output) {
        if (output instanceof ClearOutput clear) {
            notebook.clearOutputs(index, clear.waitForNext());
            if (!clear.waitForNext()) {
                recorder.record(() -> new RecordRunOutputClear(plan.runId(), cellId));
            }
            return;
        }
        if (output instanceof UpdateDisplayData update) {
            notebook.updateDisplay(update.displayId(), plan.mask().mask(update.data()),
                    plan.mask().mask(update.metadata()));
            return;
        }
        JsonNode json = plan.mask().mask(json(output));
        if (output instanceof ErrorOutput error) {
            ename = error.ename();
            evalue = error.evalue();
        }
        notebook.output(index, json, output instanceof DisplayData display ? display.displayId() : null);
        recorder.record(() -> new RecordRunOutput(plan.runId(), cellId, blobs.extract(json)));
        listener.output(cellId, json);
    }

    Integer executionCount(CompletableFuture<ExecuteReply> reply) {
        if (reply != null && reply.isDone() && !reply.isCompletedExceptionally()
                && reply.join().executionCount() > 0) {
            return reply.join().executionCount();
        }
        return executionCount;
    }

    String ename() {
        return ename;
    }

    String evalue() {
        return evalue;
    }

    private JsonNode json(Output output) {
        if (output instanceof StreamOutput stream) {
            return OutputJson.stream(stream);
        }
        if (output instanceof DisplayData display) {
            return OutputJson.display(display);
        }
        if (output instanceof ExecuteResult result) {
            return OutputJson.result(result);
        }
        return OutputJson.error((ErrorOutput) output);
    }
}
