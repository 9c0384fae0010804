package io.quire.gateway.notebook;

import io.quire.domain.notebook.Cell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which stored cell each cell of a draft is, in three passes:
 * <ol>
 *   <li>a cell that carries an id is the stored cell with that id;</li>
 *   <li>a cell whose id the notebook can no longer take (a deleted cell had it, see {@link #alias}) is the stored
 *       cell that took its alias;</li>
 *   <li>a cell without an id is the first unmatched stored cell with the same type and source.</li>
 * </ol>
 * Stateless.
 */
final class CellMatching {

    /** How many aliases of one id are looked for; a cell re-created more often than this gets a fresh id. */
    static final int MAX_ALIASES = 16;

    private CellMatching() {
    }

    /**
     * The id of an alias: what a cell is called when the notebook refuses its own id because a deleted cell had
     * it (cell ids are never reused, so that late edits of a deleted cell cannot land on a new one).
     *
     * @param attempt 1, 2, ...
     */
    static String alias(String id, int attempt) {
        String base = id.length() > 56 ? id.substring(0, 56) : id;
        return base + "-r" + attempt;
    }

    /** @return for each draft cell, the id of the stored cell it is, or null for a new cell */
    static List<String> match(List<Cell> stored, NotebookDraft draft) {
        Map<String, Cell> byId = new HashMap<>();
        stored.forEach(cell -> byId.put(cell.id(), cell));
        Set<String> taken = new HashSet<>();
        List<String> matched = new ArrayList<>(draft.cells().size());
        for (int i = 0; i < draft.cells().size(); i++) {
            String id = draft.cells().get(i).id();
            boolean same = draft.declared(i) && byId.containsKey(id) && taken.add(id);
            matched.add(same ? id : null);
        }
        for (int i = 0; i < matched.size(); i++) {
            if (matched.get(i) == null && draft.declared(i)) {
                matched.set(i, aliasOf(draft.cells().get(i).id(), byId, taken));
            }
        }
        Map<String, ArrayDeque<String>> byContent = new HashMap<>();
        for (Cell cell : stored) {
            if (!taken.contains(cell.id())) {
                byContent.computeIfAbsent(contentKey(cell), key -> new ArrayDeque<>()).add(cell.id());
            }
        }
        for (int i = 0; i < matched.size(); i++) {
            if (matched.get(i) == null && !draft.declared(i)) {
                ArrayDeque<String> same = byContent.getOrDefault(contentKey(draft.cells().get(i)), new ArrayDeque<>());
                matched.set(i, same.pollFirst());
            }
        }
        return matched;
    }

    private static String aliasOf(String id, Map<String, Cell> byId, Set<String> taken) {
        for (int attempt = 1; attempt <= MAX_ALIASES; attempt++) {
            String alias = alias(id, attempt);
            if (byId.containsKey(alias) && taken.add(alias)) {
                return alias;
            }
        }
        return null;
    }

    private static String contentKey(Cell cell) {
        return cell.type().nbformatName() + '\u0000' + cell.source();
    }
}
