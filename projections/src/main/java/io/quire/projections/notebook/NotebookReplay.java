package io.quire.projections.notebook;

import io.quire.domain.notebook.event.NotebookCreated;
import io.quire.domain.notebook.event.NotebookDeleted;
import io.quire.domain.notebook.event.NotebookEvent;
import io.quire.domain.notebook.event.NotebookImported;
import io.quire.domain.notebook.event.NotebookRenamed;
import io.quire.domain.notebook.event.NotebookRestored;
import io.quire.domain.notebook.event.VersionNamed;
import io.quire.domain.store.StoredEventReader;
import io.quire.domain.store.StoredEventReader.StoredEvent;
import io.quire.projections.versions.Versions;
import org.axonframework.common.transaction.TransactionManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the notebook read models (live notebooks, contents, versions) from every stored event in one pass,
 * without Axon's tracking processor: the events are read in global order, folded per notebook in memory with the
 * very code the projections use ({@link NotebookDocument}, {@link Versions.Row#of}), and written in large JDBC
 * batches, a transaction every {@value #EVENTS_PER_TRANSACTION} events. The tables it fills are what the projections
 * would have written event by event, row for row; the caller then sets the processing group's token to the last
 * event read, so that the tracking processor goes on from there.
 *
 * <p>For empty tables only (after {@link NotebookProjections#dropTables()}), and while no one appends events: an
 * event committed during the replay with a global index below the last one read would be missed.
 */
public final class NotebookReplay {

    /** Large transactions, few commits; a bound so that a long history does not make one huge transaction. */
    private static final int EVENTS_PER_TRANSACTION = 50_000;
    /** Documents kept in memory between transactions (the projection keeps as many). */
    private static final int DOCUMENTS_KEPT = 256;

    private final NotebookProjections projections;
    private final InlinedOutputs inlined;
    private final TransactionManager transactions;

    private final Map<String, NotebookDocument> documents = new HashMap<>();
    private final Map<String, NotebookDocument> changed = new LinkedHashMap<>();
    /** Where each notebook lives, null once deleted: the contents table, written at the end. */
    private final Map<String, String> paths = new LinkedHashMap<>();
    private final List<Versions.Row> versionRows = new ArrayList<>();
    private final Map<String, VersionNamed> names = new LinkedHashMap<>();

    public NotebookReplay(NotebookProjections projections, InlinedOutputs inlined, TransactionManager transactions) {
        this.projections = projections;
        this.inlined = inlined;
        this.transactions = transactions;
    }

    /**
     * Replays every notebook event that {@code events} reads into the (empty) read models.
     *
     * @return the global index of the last stored event, the position the processing group goes on from; -1 when
     * the store is empty
     */
    public long replay(StoredEventReader<NotebookEvent> events) {
        long last = events.readAll(this::apply);
        flush();
        transactions.executeInTransaction(() -> projections.contents().insertAll(livePaths()));
        return last;
    }

    private void apply(StoredEvent<NotebookEvent> stored) {
        NotebookEvent event = stored.payload();
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
        if (versionRows.size() >= EVENTS_PER_TRANSACTION) {
            flush();
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

    private void flush() {
        transactions.executeInTransaction(() -> {
            projections.liveNotebooks().save(changed.values());
            projections.versions().insert(versionRows);
            projections.versions().insertNames(names.values());
        });
        changed.clear();
        versionRows.clear();
        names.clear();
        if (documents.size() > DOCUMENTS_KEPT) {
            documents.clear();
        }
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
