package io.quire.projections.versions;

import io.quire.domain.notebook.event.NotebookEvent;
import io.quire.domain.notebook.event.VersionNamed;
import io.quire.projections.jdbc.BatchWrites;
import io.quire.projections.notebook.NotebookProjections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;

/** Keeps {@link Versions} current: one row per event, and the names given to versions. */
@ProcessingGroup(NotebookProjections.GROUP)
public class VersionProjection {

    private final Versions versions;
    private final BatchWrites<String, Versions.Row> rows;
    private final BatchWrites<String, VersionNamed> names;
    /**
     * Set when a batch rolled back: its retry leaves out versions and names already recorded. Axon's tracking
     * processor can hand an event over twice (AxonFramework issue 2232); its row would then be refused for ever and
     * the read models stand still. Checked only on a retry, so that the edits' path pays nothing for it.
     */
    private volatile boolean rowsRetried;
    private volatile boolean namesRetried;

    public VersionProjection(Versions versions) {
        this.versions = versions;
        this.rows = new BatchWrites<>("versions", batch -> {
            versions.insert(batch.values(), rowsRetried);
            rowsRetried = false;
        }, () -> rowsRetried = true);
        this.names = new BatchWrites<>("version-names", batch -> {
            versions.insertNames(batch.values(), namesRetried);
            namesRetried = false;
        }, () -> namesRetried = true);
    }

    @EventHandler
    void on(NotebookEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        rows.put(event.notebookId() + "/" + sequenceNumber, Versions.Row.of(event, sequenceNumber, at));
        if (event instanceof VersionNamed named) {
            names.put(named.notebookId() + "/" + named.name(), named);
        }
    }
}
