package io.quire.projections.notebook;

import io.quire.domain.blob.OutputBlobs;
import io.quire.domain.notebook.event.DisplayUpdated;
import io.quire.domain.notebook.event.NotebookEvent;
import io.quire.domain.notebook.event.OutputProduced;

/** Events as a reader needs them: outputs whose large values were moved to the blob store get them back. */
public final class InlinedOutputs {

    private final OutputBlobs blobs;

    public InlinedOutputs(OutputBlobs blobs) {
        this.blobs = blobs;
    }

    public NotebookEvent of(NotebookEvent event) {
        if (event instanceof OutputProduced e && e.output().has(OutputBlobs.MARKER)) {
            return new OutputProduced(e.notebookId(), e.executionId(), e.cellId(), blobs.inline(e.output()),
                    e.displayId(), e.user());
        }
        if (event instanceof DisplayUpdated e && e.output().has(OutputBlobs.MARKER)) {
            return new DisplayUpdated(e.notebookId(), e.executionId(), e.displayId(), blobs.inline(e.output()),
                    e.user());
        }
        return event;
    }
}
