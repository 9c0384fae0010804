package io.quire.projections.notebook;

import io.quire.domain.notebook.event.NotebookEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quire.projections.jdbc.BatchWrites;

/**
 * Keeps {@link LiveNotebooks} current: each notebook's latest state, as nbformat 4.5, with its cells' revisions.
 * Documents being changed stay in memory across a batch; each batch writes only the cells it changed.
 */
@ProcessingGroup(NotebookProjections.GROUP)
public class LiveNotebookProjection {

    private static final int CACHE_LIMIT = 256;

    private final LiveNotebooks table;
    private final InlinedOutputs inlined;
    private final Map<String, NotebookDocument> cache = new ConcurrentHashMap<>();
    private final BatchWrites<String, NotebookDocument> writes;

    public LiveNotebookProjection(LiveNotebooks table, InlinedOutputs inlined) {
        this.table = table;
        this.inlined = inlined;
        this.writes = new BatchWrites<>("live-notebook", this::flush, cache::clear);
    }

    @EventHandler
    void on(NotebookEvent event, @SequenceNumber long sequenceNumber) {
        NotebookDocument document = cache.computeIfAbsent(event.notebookId(),
                id -> table.load(id).orElseGet(() -> new NotebookDocument(id)));
        if (sequenceNumber <= document.version()) {
            return; // already applied before a restart
        }
        document.apply(inlined.of(event), sequenceNumber);
        writes.put(document.notebookId(), document);
    }

    private void flush(Map<String, NotebookDocument> changed) {
        table.save(changed.values());
        if (cache.size() > CACHE_LIMIT) {
            cache.clear();
        }
    }
}
