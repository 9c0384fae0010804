package io.quire.domain.notebook.simulation;

import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.event.CellDeleted;
import io.quire.domain.notebook.event.CellInserted;
import io.quire.domain.notebook.event.CellMoved;
import io.quire.domain.notebook.event.CellSourceEdited;
import io.quire.domain.notebook.event.CellTypeChanged;
import io.quire.domain.notebook.event.NotebookImported;
import io.quire.domain.notebook.text.TextComponent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a client knows of a notebook, built only by applying the server's events in order, as a browser would.
 * Strict: an event that does not fit what came before (an unknown anchor, a second cell with one id, an edit of a
 * missing cell or of another revision) is a divergence and throws.
 */
final class Replica {

    /** One cell as the replica sees it; {@code chars} holds the identity of each code point of the source. */
    record CellView(String id, CellType type, String source, long revision, List<Long> chars) {
    }

    private final List<String> order = new ArrayList<>();
    private final Map<String, CellView> cells = new LinkedHashMap<>();
    private final Set<Long> deletedChars = new HashSet<>();
    private int applied;

    int applied() {
        return applied;
    }

    /** The cells in notebook order. */
    List<CellView> cells() {
        return order.stream().map(cells::get).toList();
    }

    List<String> ids() {
        return List.copyOf(order);
    }

    boolean isLive(String cellId) {
        return cells.containsKey(cellId);
    }

    CellView cell(String cellId) {
        return cells.get(cellId);
    }

    /** Identities of every character some accepted text edit removed. */
    Set<Long> deletedChars() {
        return deletedChars;
    }

    void applyAll(List<Object> events) {
        events.forEach(this::apply);
    }

    void apply(Object event) {
        applied++;
        if (event instanceof CellInserted e) {
            insert(e.cellId(), e.afterCellId(), new CellView(e.cellId(), e.type(), e.source(), 0,
                    Marks.initialChars(e.cellId(), e.source())));
        } else if (event instanceof CellDeleted e) {
            require(order.remove(e.cellId()), "CellDeleted of " + e.cellId() + ", which is not live");
            cells.remove(e.cellId());
        } else if (event instanceof CellMoved e) {
            require(order.remove(e.cellId()), "CellMoved of " + e.cellId() + ", which is not live");
            order.add(position(e.afterCellId()), e.cellId());
        } else if (event instanceof CellSourceEdited e) {
            CellView cell = cells.get(e.cellId());
            require(cell != null, "CellSourceEdited of " + e.cellId() + ", which is not live");
            require(e.revision() == cell.revision() + 1, "CellSourceEdited of " + e.cellId() + " to revision "
                    + e.revision() + " but the replica holds revision " + cell.revision());
            String source = e.operation().apply(cell.source());
            List<Long> chars = followAndRecord(cell.chars(), e.operation().components());
            require(chars.size() == source.codePointCount(0, source.length()), "the edit " + e.operation()
                    + " of " + e.cellId() + " yields " + chars.size() + " characters by its steps but a source of "
                    + source.codePointCount(0, source.length()));
            cells.put(e.cellId(), new CellView(e.cellId(), cell.type(), source, e.revision(), chars));
        } else if (event instanceof CellTypeChanged e) {
            CellView cell = cells.get(e.cellId());
            require(cell != null, "CellTypeChanged of " + e.cellId() + ", which is not live");
            cells.put(e.cellId(), new CellView(e.cellId(), e.type(), cell.source(), cell.revision(), cell.chars()));
        } else if (event instanceof NotebookImported e) {
            String previous = null;
            for (Cell cell : e.content().cells()) {
                insert(cell.id(), previous, new CellView(cell.id(), cell.type(), cell.source(), 0,
                        Marks.initialChars(cell.id(), cell.source())));
                previous = cell.id();
            }
        }
        // Other events (creation, metadata, outputs, versions) do not change cells, order or text.
    }

    /** The identities of the characters that applying {@code components} to {@code chars} removes. */
    static Set<Long> removedBy(List<Long> chars, List<TextComponent> components) {
        Set<Long> removed = new HashSet<>();
        int index = 0;
        for (TextComponent component : components) {
            if (component instanceof TextComponent.Delete delete) {
                removed.addAll(chars.subList(index, index + delete.count()));
            }
            index += component.baseLength();
        }
        return removed;
    }

    /** The identities after applying {@code components}: retained kept, deleted gone, inserted derived from text. */
    static List<Long> follow(List<Long> chars, List<TextComponent> components) {
        List<Long> result = new ArrayList<>();
        int index = 0;
        for (TextComponent component : components) {
            if (component instanceof TextComponent.Retain retain) {
                result.addAll(chars.subList(index, index + retain.count()));
            } else if (component instanceof TextComponent.Insert insert) {
                result.addAll(Marks.insertedChars(insert.text()));
            }
            index += component.baseLength();
        }
        return List.copyOf(result);
    }

    private List<Long> followAndRecord(List<Long> chars, List<TextComponent> components) {
        deletedChars.addAll(removedBy(chars, components));
        return follow(chars, components);
    }

    private void insert(String cellId, String afterCellId, CellView cell) {
        require(!cells.containsKey(cellId), "a second cell " + cellId);
        order.add(position(afterCellId), cellId);
        cells.put(cellId, cell);
    }

    private int position(String afterCellId) {
        if (afterCellId == null) {
            return 0;
        }
        int index = order.indexOf(afterCellId);
        require(index >= 0, "an event places a cell after " + afterCellId + ", which is not live here");
        return index + 1;
    }

    private static void require(boolean condition, String divergence) {
        if (!condition) {
            throw new IllegalStateException("replica diverged: " + divergence);
        }
    }
}
