package io.quire.projections.notebook;

import io.quire.domain.notebook.event.NotebookCreated;
import io.quire.domain.notebook.event.NotebookDeleted;
import io.quire.domain.notebook.event.NotebookEvent;
import io.quire.domain.notebook.event.NotebookImported;
import io.quire.domain.notebook.event.NotebookRenamed;
import io.quire.domain.notebook.event.NotebookRestored;
import io.quire.domain.notebook.event.VersionNamed;
import io.quire.domain.store.StoredEventReader.StoredEvent;
import io.quire.projections.rebuild.BackgroundWrites;
import io.quire.projections.rebuild.BulkReplay;
import io.quire.projections.rebuild.ReadModelRebuild;
import io.quire.projections.versions.Versions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notebook read models' share of a {@link ReadModelRebuild} (live notebooks, contents, versions): the events are
 * folded per notebook in memory with the very code the projections use ({@link NotebookDocument},
 * {@link Versions.Row#of}); every few thousand events the changed cells are written in the rebuild's transaction and
 * the version rows handed to its writing thread. The tables it fills are what the projections would have written
 * event by event, row for row.
 */
final class NotebookReplay implements BulkReplay {

    /** Documents kept in memory between transactions (the projection keeps as many). */
    private static final int DOCUMENTS_KEPT = 256;

    private final NotebookProjections projections;
    private final InlinedOutputs inlined;

    private final Map<String, NotebookDocument> documents = new HashMap<>();
    private final Map<String, NotebookDocument> changed = new LinkedHashMap<>();
    /** Where each notebook lives, null once deleted: the contents table, written at the end. */
    private final Map<String, String> paths = new LinkedHashMap<>();
    private List<Versions.Row> versionRows = new ArrayList<>();
    private Map<String, VersionNamed> names = new LinkedHashMap<>();

    NotebookReplay(NotebookProjections projections, InlinedOutputs inlined) {
        this.projections = projections;
        this.inlined = inlined;
    }

    @Override
    public String group() {
        return NotebookProjections.GROUP;
    }

    @Override
    public boolean wants(Class<?> payloadType) {
        return NotebookEvent.class.isAssignableFrom(payloadType);
    }

    @Override
    public void apply(StoredEvent stored) {
        NotebookEvent event = (NotebookEvent) stored.payload();
        String notebookId = event.notebookId();
        NotebookDocument document = documents.get(notebookId);
        if (document == null) {
            document = projections.liveNotebooks().load(notebookId).orElseGet(() -> new NotebookDocument(notebookId));
            documents.put(notebookId, document);
        }
        long sequenceNumber = stored.sequenceNumber();
        if (sequenceNumber > document.version()) {
            document.apply(inlined.of(event), sequenceNumber);
            changed.put(notebookId, document);
        }
        trackPath(event);
        versionRows.add(Versions.Row.of(event, sequenceNumber, stored.timestamp()));
        if (event instanceof VersionNamed named) {
            names.put(named.notebookId() + "/" + named.name(), named);
        }
    }

    /** As {@code ContentsProjection} does, event by event. */
    private void trackPath(NotebookEvent event) {
        if (event instanceof NotebookCreated e) {
            paths.put(e.notebookId(), e.path());
        } else if (event instanceof NotebookImported e) {
            paths.put(e.notebookId(), e.path());
        } else if (event instanceof NotebookRenamed e) {
            paths.put(e.notebookId(), e.newPath());
        } else if (event instanceof NotebookDeleted e) {
            paths.put(e.notebookId(), null);
        } else if (event instanceof NotebookRestored e) {
            paths.put(e.notebookId(), e.path());
        }
    }

    /** The version rows, most of what is written, on the second thread; the live notebooks here (read back here). */
    @Override
    public void flush(BackgroundWrites background) {
        projections.liveNotebooks().save(changed.values());
        changed.clear();
        List<Versions.Row> rows = versionRows;
        Map<String, VersionNamed> named = names;
        background.submit(() -> {
            projections.versions().insert(rows);
            projections.versions().insertNames(named.values());
        });
        versionRows = new ArrayList<>();
        names = new LinkedHashMap<>();
        if (documents.size() > DOCUMENTS_KEPT) {
            documents.clear();
        }
    }

    /** The contents table last: a notebook's path may change until its last event. */
    @Override
    public void complete(BackgroundWrites background) {
        flush(background);
        projections.contents().insertAll(livePaths());
    }

    private Map<String, String> livePaths() {
        Map<String, String> live = new LinkedHashMap<>();
        paths.forEach((id, path) -> {
            if (path != null) {
                live.put(id, path);
            }
        });
        return live;
    }
}
