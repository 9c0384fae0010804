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

    public VersionProjection(Versions versions) {
        this.versions = versions;
        this.rows = new BatchWrites<>("versions", versions::insert, () -> { });
        this.names = new BatchWrites<>("version-names", versions::insertNames, () -> { });
    }

    @EventHandler
    void on(NotebookEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        rows.put(event.notebookId() + "/" + sequenceNumber, Versions.Row.of(event, sequenceNumber, at));
        if (event instanceof VersionNamed named) {
            names.put(named.notebookId() + "/" + named.name(), named);
        }
    }
}
