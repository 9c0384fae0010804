package io.quire.domain.notebook;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order of a notebook's live cells, plus where each deleted cell used to stand. An insert or move "after" a
 * cell that someone else deleted meanwhile lands where that cell was, instead of failing: concurrent structure
 * edits then commute, as DESIGN.md asks.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
final class CellOrder {

    private final List<String> live = new ArrayList<>();
    /** Deleted cell id to the id of the cell before it when it was deleted (null: it was first). */
    private final Map<String, String> tombstones = new HashMap<>();

    boolean isLive(String cellId) {
        return live.contains(cellId);
    }

    boolean wasDeleted(String cellId) {
        return tombstones.containsKey(cellId);
    }

    boolean isKnown(String cellId) {
        return isLive(cellId) || wasDeleted(cellId);
    }

    List<String> liveCells() {
        return List.copyOf(live);
    }

    /**
     * The live cell a new position "after {@code cellId}" means now: the cell itself, or for a deleted cell the
     * nearest live cell before where it stood; null means the top.
     */
    String resolveAnchor(String cellId) {
        String anchor = cellId;
        while (anchor != null && !isLive(anchor)) {
            anchor = tombstones.get(anchor);
        }
        return anchor;
    }

    void insertAfter(String anchor, String cellId) {
        live.add(anchor == null ? 0 : live.indexOf(anchor) + 1, cellId);
    }

    void remove(String cellId) {
        int index = live.indexOf(cellId);
        tombstones.put(cellId, index == 0 ? null : live.get(index - 1));
        live.remove(index);
    }

    void move(String cellId, String anchor) {
        live.remove(cellId);
        insertAfter(anchor, cellId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CellOrder that && live.equals(that.live) && tombstones.equals(that.tombstones);
    }

    @Override
    public int hashCode() {
        return live.hashCode();
    }
}
