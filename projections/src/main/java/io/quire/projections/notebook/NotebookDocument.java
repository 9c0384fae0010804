package io.quire.projections.notebook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.Kernelspec;
import io.quire.domain.notebook.NotebookContent;
import io.quire.domain.notebook.event.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A notebook as its events have made it: the fold every read of a notebook shares (live view, a past version,
 * a rebuild). Not thread-safe: one projection thread owns each instance.
 */
public final class NotebookDocument {

    private final String notebookId;
    private String path;
    private boolean deleted;
    private long version = -1;
    private ObjectNode metadata = JsonNodeFactory.instance.objectNode();
    private final List<String> order = new ArrayList<>();
    private final Map<String, Cell> cells = new HashMap<>();
    private final Map<String, Long> revisions = new HashMap<>();
    private final Map<String, OutputTrail> trails = new HashMap<>();
    /** What changed since {@link #takeChanges()}: so that a store writes those cells, not the whole notebook. */
    private final Set<String> changedCells = new HashSet<>();
    private final Set<String> removedCells = new HashSet<>();
    /** Cells whose source alone changed since {@link #takeChanges()} (and so not in {@link #changedCells}). */
    private final Set<String> sourceEditedCells = new HashSet<>();
    private boolean orderChanged;
    private boolean replaced = true;

    public NotebookDocument(String notebookId) {
        this.notebookId = notebookId;
    }

    /** A document restored from a stored state (the live projection's table). */
    public static NotebookDocument restore(String notebookId, String path, boolean deleted, long version,
                                           NotebookContent content, Map<String, Long> revisions,
                                           Map<String, OutputTrail> trails) {
        NotebookDocument document = new NotebookDocument(notebookId);
        document.path = path;
        document.deleted = deleted;
        document.version = version;
        document.load(content);
        document.revisions.putAll(revisions);
        document.trails.putAll(trails);
        document.takeChanges();
        return document;
    }

    /**
     * What changed since the last call (or since this document was created or restored), and forgets it.
     *
     * @param all           every cell was replaced (a new or imported notebook): store them all, drop the others
     * @param cells         cells added or changed in any way (content, revision, output trail)
     * @param sourceEdited  other cells, of which only the source (and so the revision) changed: typing
     * @param removed       cells deleted
     * @param orderChanged  cells were inserted, moved or deleted: the positions of the others changed too
     */
    record Changes(boolean all, Set<String> cells, Set<String> sourceEdited, Set<String> removed,
                   boolean orderChanged) {
    }

    Changes takeChanges() {
        Changes changes = new Changes(replaced, Set.copyOf(changedCells), Set.copyOf(sourceEditedCells),
                Set.copyOf(removedCells), orderChanged);
        changedCells.clear();
        sourceEditedCells.clear();
        removedCells.clear();
        orderChanged = false;
        replaced = false;
        return changes;
    }

    /** The cell ids in notebook order. */
    List<String> order() {
        return List.copyOf(order);
    }

    Cell cell(String cellId) {
        return cells.get(cellId);
    }

    long revision(String cellId) {
        return revisions.getOrDefault(cellId, 0L);
    }

    /** The cell's output trail where it differs from a plain one, else null. */
    OutputTrail storedTrail(String cellId) {
        return trails.get(cellId);
    }

    NotebookContent metadataOnly() {
        return new NotebookContent(metadata.deepCopy(), List.of());
    }

    public String notebookId() {
        return notebookId;
    }

    public String path() {
        return path;
    }

    public boolean deleted() {
        return deleted;
    }

    /** The sequence number of the last event applied; -1 before any. */
    public long version() {
        return version;
    }

    /** Each live cell's revision, the base a client's next source edit names. */
    public Map<String, Long> revisions() {
        return Map.copyOf(revisions);
    }

    /** Each cell's output trail (display ids, pending clear), where it differs from a plain one. */
    public Map<String, OutputTrail> trails() {
        return Map.copyOf(trails);
    }

    public NotebookContent content() {
        List<Cell> ordered = new ArrayList<>(order.size());
        for (String id : order) {
            ordered.add(cells.get(id));
        }
        return new NotebookContent(metadata.deepCopy(), ordered);
    }

    /** Applies one event that has sequence number {@code sequenceNumber}. */
    public void apply(NotebookEvent event, long sequenceNumber) {
        version = sequenceNumber;
        if (event instanceof NotebookCreated e) {
            path = e.path();
            metadata = kernelMetadata(e.kernelspec());
        } else if (event instanceof NotebookImported e) {
            path = e.path();
            load(e.content());
        } else if (event instanceof NotebookRenamed e) {
            path = e.newPath();
        } else if (event instanceof NotebookDeleted) {
            deleted = true;
        } else if (event instanceof NotebookRestored e) {
            deleted = false;
            path = e.path();
        } else if (event instanceof CellInserted e) {
            order.add(e.afterCellId() == null ? 0 : order.indexOf(e.afterCellId()) + 1, e.cellId());
            cells.put(e.cellId(), Cell.empty(e.cellId(), e.type(), e.source()));
            revisions.put(e.cellId(), 0L);
            changed(e.cellId());
            orderChanged = true;
        } else if (event instanceof CellDeleted e) {
            order.remove(e.cellId());
            cells.remove(e.cellId());
            revisions.remove(e.cellId());
            trails.remove(e.cellId());
            changedCells.remove(e.cellId());
            sourceEditedCells.remove(e.cellId());
            removedCells.add(e.cellId());
            orderChanged = true;
        } else if (event instanceof CellMoved e) {
            order.remove(e.cellId());
            order.add(e.afterCellId() == null ? 0 : order.indexOf(e.afterCellId()) + 1, e.cellId());
            orderChanged = true;
        } else if (event instanceof CellSourceEdited e) {
            Cell cell = cells.get(e.cellId());
            cells.put(cell.id(), new Cell(cell.id(), cell.type(), e.operation().apply(cell.source()),
                    cell.metadata(), cell.outputs(), cell.executionCount(), cell.attachments()));
            revisions.put(e.cellId(), e.revision());
            if (!changedCells.contains(e.cellId())) {
                sourceEditedCells.add(e.cellId());
            }
        } else if (event instanceof CellTypeChanged e) {
            replace(retyped(cells.get(e.cellId()), e.type()));
            if (e.type() != CellType.CODE) {
                removeTrail(e.cellId());
            }
        } else if (event instanceof CellMetadataSet e) {
            Cell cell = cells.get(e.cellId());
            replace(new Cell(cell.id(), cell.type(), cell.source(), e.metadata().deepCopy(), cell.outputs(),
                    cell.executionCount(), cell.attachments()));
        } else if (event instanceof CellTagsSet e) {
            replace(tagged(cells.get(e.cellId()), e.tags()));
        } else if (event instanceof NotebookMetadataSet e) {
            metadata = e.metadata().deepCopy();
        } else if (event instanceof OutputsCleared e) {
            for (String id : e.cellIds()) {
                Cell cell = cells.get(id);
                replace(CellOutputs.withOutputs(cell, List.of(), null));
                removeTrail(id);
            }
        } else if (event instanceof CellOutputsSet e) {
            replace(CellOutputs.withOutputs(cells.get(e.cellId()), e.outputs(), e.executionCount()));
            removeTrail(e.cellId());
        } else if (event instanceof CellAttachmentsSet e) {
            Cell cell = cells.get(e.cellId());
            replace(new Cell(cell.id(), cell.type(), cell.source(), cell.metadata(), cell.outputs(),
                    cell.executionCount(), e.attachments() == null || e.attachments().isEmpty() ? null
                    : e.attachments().deepCopy()));
        } else if (event instanceof ExecutionStarted e && cells.containsKey(e.cellId())) {
            replace(CellOutputs.withOutputs(cells.get(e.cellId()), List.of(), e.executionCount()));
            removeTrail(e.cellId());
        } else if (event instanceof OutputProduced e && cells.containsKey(e.cellId())) {
            CellOutputs.Outcome outcome = CellOutputs.append(cells.get(e.cellId()), trail(e.cellId()), e.output(),
                    e.displayId());
            replace(outcome.cell());
            trails.put(e.cellId(), outcome.trail());
            changed(e.cellId());
        } else if (event instanceof OutputCleared e && cells.containsKey(e.cellId())) {
            if (e.waitForNext()) {
                trails.put(e.cellId(), new OutputTrail(trail(e.cellId()).displayIds(), true));
                changed(e.cellId());
            } else {
                replace(CellOutputs.withOutputs(cells.get(e.cellId()), List.of(), cells.get(e.cellId()).executionCount()));
                removeTrail(e.cellId());
            }
        } else if (event instanceof ExecutionEnded e && e.executionCount() != null && cells.containsKey(e.cellId())) {
            Cell cell = cells.get(e.cellId());
            replace(CellOutputs.withOutputs(cell, cell.outputs(), e.executionCount()));
        } else if (event instanceof DisplayUpdated e) {
            for (String id : order) {
                replace(CellOutputs.updateDisplay(cells.get(id), trail(id), e.displayId(), e.output()));
            }
        }
        // VersionNamed and ExecutionRequested change no content.
    }

    private OutputTrail trail(String cellId) {
        OutputTrail trail = trails.get(cellId);
        return trail != null ? trail : OutputTrail.of(cells.get(cellId).outputs().size());
    }

    private void load(NotebookContent content) {
        metadata = content.metadata().deepCopy();
        order.clear();
        cells.clear();
        revisions.clear();
        trails.clear();
        replaced = true;
        for (Cell cell : content.cells()) {
            order.add(cell.id());
            cells.put(cell.id(), cell);
            revisions.put(cell.id(), 0L);
        }
    }

    private void replace(Cell cell) {
        if (cells.put(cell.id(), cell) != cell) {
            changed(cell.id());
        }
    }

    private void removeTrail(String cellId) {
        if (trails.remove(cellId) != null) {
            changed(cellId);
        }
    }

    private void changed(String cellId) {
        changedCells.add(cellId);
        sourceEditedCells.remove(cellId);
    }

    private static ObjectNode kernelMetadata(Kernelspec kernelspec) {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        ObjectNode spec = metadata.putObject("kernelspec");
        spec.put("name", kernelspec.name());
        spec.put("display_name", kernelspec.displayName() == null ? kernelspec.name() : kernelspec.displayName());
        if (kernelspec.language() != null) {
            spec.put("language", kernelspec.language());
            metadata.putObject("language_info").put("name", kernelspec.language());
        }
        return metadata;
    }

    /** nbformat: only code cells have outputs and counts; code cells have no attachments. */
    private static Cell retyped(Cell cell, CellType type) {
        boolean code = type == CellType.CODE;
        return new Cell(cell.id(), type, cell.source(), cell.metadata(), code ? cell.outputs() : List.of(),
                code ? cell.executionCount() : null, code ? null : cell.attachments());
    }

    private static Cell tagged(Cell cell, List<String> tags) {
        ObjectNode metadata = cell.metadata().deepCopy();
        if (tags.isEmpty()) {
            metadata.remove("tags");
        } else {
            var array = metadata.putArray("tags");
            tags.forEach(array::add);
        }
        return new Cell(cell.id(), cell.type(), cell.source(), metadata, cell.outputs(), cell.executionCount(),
                cell.attachments());
    }

}
