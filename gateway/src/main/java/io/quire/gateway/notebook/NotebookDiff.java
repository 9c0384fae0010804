package io.quire.gateway.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.NotebookContent;
import io.quire.domain.notebook.command.ChangeCellType;
import io.quire.domain.notebook.command.DeleteCell;
import io.quire.domain.notebook.command.EditCellSource;
import io.quire.domain.notebook.command.InsertCell;
import io.quire.domain.notebook.command.MoveCell;
import io.quire.domain.notebook.command.SetCellAttachments;
import io.quire.domain.notebook.command.SetCellMetadata;
import io.quire.domain.notebook.command.SetCellOutputs;
import io.quire.domain.notebook.command.SetNotebookMetadata;
import io.quire.domain.notebook.text.TextOperation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The cell-level commands that make a stored notebook equal to a draft, never a whole-document overwrite:
 * <ol>
 *   <li>{@link SetNotebookMetadata} when the notebook metadata differs;</li>
 *   <li>{@link DeleteCell} for each stored cell the draft does not have (see {@link CellMatching});</li>
 *   <li>walking the draft in order: {@link InsertCell} for a new cell (with its own id, or an alias when the
 *       notebook cannot take it), {@link MoveCell} for a stored cell outside the longest run already in order,
 *       then for each cell only what changed: {@link ChangeCellType}, {@link EditCellSource} (a minimal text edit
 *       against the cell's revision), {@link SetCellMetadata}, {@link SetCellAttachments}, {@link SetCellOutputs}.</li>
 * </ol>
 * A draft equal to the stored notebook gives no commands. Pure: it reads nothing and sends nothing.
 */
public final class NotebookDiff {

    private final String notebookId;
    private final String user;
    private final List<Object> commands = new ArrayList<>();

    private NotebookDiff(String notebookId, String user) {
        this.notebookId = notebookId;
        this.user = user;
    }

    /**
     * @param stored     the notebook as it is now
     * @param revisions  each stored cell's revision, the base of a source edit
     * @param refusedIds ids the notebook refused for a new cell (a deleted cell had them): new cells get an alias
     * @return the commands, in the order to send them
     */
    public static List<Object> between(String notebookId, NotebookContent stored, Map<String, Long> revisions,
                                       NotebookDraft draft, Set<String> refusedIds, String user) {
        NotebookDiff diff = new NotebookDiff(notebookId, user);
        List<String> matched = CellMatching.match(stored.cells(), draft);
        if (!stored.metadata().equals(draft.content().metadata())) {
            diff.commands.add(new SetNotebookMetadata(notebookId, draft.content().metadata().deepCopy(), user));
        }
        List<String> order = diff.deleteUnmatched(stored.cells(), matched);
        List<String> ids = idsOf(draft, matched, stored.cells(), refusedIds);
        boolean[] inPlace = inPlace(matched, order);
        Map<String, Cell> byId = new HashMap<>();
        stored.cells().forEach(cell -> byId.put(cell.id(), cell));
        String previous = null;
        for (int i = 0; i < ids.size(); i++) {
            Cell wanted = draft.cells().get(i);
            if (matched.get(i) == null) {
                diff.insert(ids.get(i), previous, wanted, order);
            } else {
                if (!inPlace[i]) {
                    diff.move(ids.get(i), previous, order);
                }
                diff.update(byId.get(ids.get(i)), wanted, revisions.getOrDefault(ids.get(i), 0L));
            }
            previous = ids.get(i);
        }
        return List.copyOf(diff.commands);
    }

    /** @return the order of the stored cells that remain */
    private List<String> deleteUnmatched(List<Cell> stored, List<String> matched) {
        Set<String> kept = new HashSet<>(matched);
        List<String> order = new ArrayList<>();
        for (Cell cell : stored) {
            if (kept.contains(cell.id())) {
                order.add(cell.id());
            } else {
                commands.add(new DeleteCell(notebookId, cell.id(), user));
            }
        }
        return order;
    }

    /** The id each draft cell will have: a stored cell's, or for a new cell its own unless the notebook cannot take it. */
    private static List<String> idsOf(NotebookDraft draft, List<String> matched, List<Cell> stored, Set<String> refused) {
        Set<String> taken = new HashSet<>(refused);
        stored.forEach(cell -> taken.add(cell.id()));
        List<String> ids = new ArrayList<>(matched.size());
        for (int i = 0; i < matched.size(); i++) {
            String id = matched.get(i);
            if (id == null) {
                String own = draft.cells().get(i).id();
                id = own;
                for (int attempt = 1; taken.contains(id); attempt++) {
                    id = attempt <= CellMatching.MAX_ALIASES ? CellMatching.alias(own, attempt)
                            : UUID.randomUUID().toString().replace("-", "").substring(0, 8);
                }
                taken.add(id);
            }
            ids.add(id);
        }
        return ids;
    }

    /** Which matched cells stay where they are: the longest run of them already in the draft's order. */
    private static boolean[] inPlace(List<String> matched, List<String> order) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        List<Integer> draftIndexes = new ArrayList<>();
        for (int i = 0; i < matched.size(); i++) {
            if (matched.get(i) != null) {
                draftIndexes.add(i);
            }
        }
        int[] storedPositions = draftIndexes.stream().mapToInt(i -> position.get(matched.get(i))).toArray();
        boolean[] kept = LongestIncreasingSubsequence.of(storedPositions);
        boolean[] inPlace = new boolean[matched.size()];
        for (int k = 0; k < kept.length; k++) {
            inPlace[draftIndexes.get(k)] = kept[k];
        }
        return inPlace;
    }

    private void insert(String id, String after, Cell wanted, List<String> order) {
        commands.add(new InsertCell(notebookId, id, after, wanted.type(), wanted.source(), user));
        order.add(after == null ? 0 : order.indexOf(after) + 1, id);
        update(Cell.empty(id, wanted.type(), wanted.source()), wanted, 0);
    }

    private void move(String id, String after, List<String> order) {
        int at = after == null ? 0 : order.indexOf(after) + 1;
        if (at < order.size() && order.get(at).equals(id)) {
            return; // already right after its predecessor: a move would change nothing
        }
        commands.add(new MoveCell(notebookId, id, after, user));
        order.remove(id);
        order.add(after == null ? 0 : order.indexOf(after) + 1, id);
    }

    private void update(Cell stored, Cell wanted, long revision) {
        String id = stored.id();
        Cell current = stored;
        if (stored.type() != wanted.type()) {
            commands.add(new ChangeCellType(notebookId, id, wanted.type(), user));
            current = retyped(stored, wanted.type());
        }
        if (!current.source().equals(wanted.source())) {
            commands.add(new EditCellSource(notebookId, id, revision,
                    TextOperation.replace(current.source(), wanted.source()), user));
        }
        if (!current.metadata().equals(wanted.metadata())) {
            commands.add(new SetCellMetadata(notebookId, id, wanted.metadata().deepCopy(), user));
        }
        if (wanted.type() == CellType.CODE) {
            if (!current.outputs().equals(wanted.outputs())
                    || !Objects.equals(current.executionCount(), wanted.executionCount())) {
                commands.add(new SetCellOutputs(notebookId, id, wanted.outputs(), wanted.executionCount(), user));
            }
        } else if (!Objects.equals(orNull(current.attachments()), orNull(wanted.attachments()))) {
            commands.add(new SetCellAttachments(notebookId, id, orNull(wanted.attachments()), user));
        }
    }

    /** What a cell keeps when its type changes, as the live projection does it. */
    private static Cell retyped(Cell cell, CellType type) {
        boolean code = type == CellType.CODE;
        return new Cell(cell.id(), type, cell.source(), cell.metadata(), code ? cell.outputs() : List.of(),
                code ? cell.executionCount() : null, code ? null : cell.attachments());
    }

    private static ObjectNode orNull(ObjectNode attachments) {
        return attachments == null || attachments.isEmpty() ? null : attachments.deepCopy();
    }
}
