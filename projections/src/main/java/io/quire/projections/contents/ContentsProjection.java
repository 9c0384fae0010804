package io.quire.projections.contents;

import io.quire.domain.notebook.event.NotebookCreated;
import io.quire.domain.notebook.event.NotebookDeleted;
import io.quire.domain.notebook.event.NotebookImported;
import io.quire.domain.notebook.event.NotebookRenamed;
import io.quire.domain.notebook.event.NotebookRestored;
import io.quire.projections.notebook.NotebookProjections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/** Keeps {@link Contents} current: where each notebook that is not deleted lives. */
@ProcessingGroup(NotebookProjections.GROUP)
public class ContentsProjection {

    private final Contents contents;

    public ContentsProjection(Contents contents) {
        this.contents = contents;
    }

    @EventHandler
    void on(NotebookCreated event) {
        contents.put(event.notebookId(), event.path());
    }

    @EventHandler
    void on(NotebookImported event) {
        contents.put(event.notebookId(), event.path());
    }

    @EventHandler
    void on(NotebookRenamed event) {
        contents.put(event.notebookId(), event.newPath());
    }

    @EventHandler
    void on(NotebookDeleted event) {
        contents.remove(event.notebookId());
    }

    @EventHandler
    void on(NotebookRestored event) {
        contents.put(event.notebookId(), event.path());
    }
}
