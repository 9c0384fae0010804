package io.quire.projections.notebook;

import java.util.ArrayList;
import java.util.List;

/**
 * What a cell's outputs need beyond nbformat: the display id of each output (so a later display update finds it)
 * and whether a {@code clear_output(wait=True)} is waiting for the next output.
 *
 * @param displayIds one entry per output, null where the output has no display id
 */
public record OutputTrail(List<String> displayIds, boolean clearPending) {

    public static final OutputTrail EMPTY = new OutputTrail(List.of(), false);

    public OutputTrail {
        displayIds = displayIds == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(displayIds));
    }

    OutputTrail appended(String displayId) {
        List<String> ids = new ArrayList<>(displayIds);
        ids.add(displayId);
        return new OutputTrail(ids, false);
    }

    /** A trail for {@code count} outputs none of which has a display id (an imported cell). */
    static OutputTrail of(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(null);
        }
        return new OutputTrail(ids, false);
    }
}
