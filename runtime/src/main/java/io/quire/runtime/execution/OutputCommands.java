package io.quire.runtime.execution;

import io.quire.domain.blob.OutputBlobs;
import io.quire.domain.notebook.command.RecordDisplayUpdate;
import io.quire.domain.notebook.command.RecordOutput;
import io.quire.domain.notebook.command.RecordOutputClear;
import io.quire.kernel.message.ClearOutput;
import io.quire.kernel.message.DisplayData;
import io.quire.kernel.message.ErrorOutput;
import io.quire.kernel.message.ExecuteResult;
import io.quire.kernel.message.Output;
import io.quire.kernel.message.StreamOutput;
import io.quire.kernel.message.UpdateDisplayData;

/** The command that records one kernel output on a notebook; large values go to the blob store first. */
final class OutputCommands {

    private OutputCommands() {
    }

    static Object of(String notebookId, String executionId, Output output, OutputBlobs blobs) {
        if (output instanceof StreamOutput stream) {
            return new RecordOutput(notebookId, executionId, OutputJson.stream(stream), null);
        } else if (output instanceof DisplayData display) {
            return new RecordOutput(notebookId, executionId, blobs.extract(OutputJson.display(display)),
                    display.displayId());
        } else if (output instanceof UpdateDisplayData update) {
            return new RecordDisplayUpdate(notebookId, executionId, update.displayId(),
                    blobs.extract(OutputJson.update(update)));
        } else if (output instanceof ExecuteResult result) {
            return new RecordOutput(notebookId, executionId, blobs.extract(OutputJson.result(result)), null);
        } else if (output instanceof ErrorOutput error) {
            return new RecordOutput(notebookId, executionId, OutputJson.error(error), null);
        }
        return new RecordOutputClear(notebookId, executionId, ((ClearOutput) output).waitForNext());
    }
}
