package io.quire.projections.notebook;

import io.quire.domain.nbformat.NotebookWriter;
import io.quire.domain.notebook.Cell;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Lays out cells as nbformat writes them, remembering what comes before each cell's source (its outputs, often
 * the bulk of it: a plot is tens of KB of base64). While someone types, only the source changes, and only the
 * source is laid out again (and stored again: {@link LiveNotebooks} keeps a cell's head and source apart).
 *
 * <p>Not thread-safe: one projection thread uses it. Cells' JSON values are immutable ({@link Cell}), so a cell
 * that holds the same metadata, outputs and attachments objects as the remembered one has the same head.
 */
final class CellHeads {

    /** Remembered heads at most; beyond, all are forgotten (an edit burst touches a few cells of a few notebooks). */
    private static final int LIMIT = 1024;

    private final NotebookWriter writer;
    private final Map<String, Head> heads = new HashMap<>();

    CellHeads(NotebookWriter writer) {
        this.writer = writer;
    }

    /** What {@link NotebookWriter#writeCellHead} writes for the cell: laid out again only when it changed. */
    byte[] head(String notebookId, Cell cell) {
        String key = notebookId + '/' + cell.id();
        Head head = heads.get(key);
        if (head == null || !head.fits(cell)) {
            if (heads.size() >= LIMIT) {
                heads.clear();
            }
            head = new Head(cell, writer.writeCellHead(cell));
            heads.put(key, head);
        }
        return head.bytes();
    }

    private record Head(Cell basis, byte[] bytes) {
        boolean fits(Cell cell) {
            return basis.type() == cell.type() && basis.metadata() == cell.metadata()
                    && basis.outputs() == cell.outputs() && basis.attachments() == cell.attachments()
                    && Objects.equals(basis.executionCount(), cell.executionCount());
        }
    }
}
