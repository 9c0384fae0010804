package io.quire.runtime.papermill;

import java.util.Set;

/** Deterministic ids for the cells papermill adds: a fixed id, or a numbered variant when a cell already has it. */
final class FreeIds {

    private FreeIds() {
    }

    /** {@code base} if not in {@code taken}, else {@code base-1}, {@code base-2}... */
    static String free(String base, Set<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 1; ; n++) {
            String candidate = base + "-" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }
}
