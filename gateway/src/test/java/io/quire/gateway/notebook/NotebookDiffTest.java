package io.quire.gateway.notebook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.NotebookContent;
import io.quire.domain.notebook.command.DeleteCell;
import io.quire.domain.notebook.command.EditCellSource;
import io.quire.domain.notebook.command.InsertCell;
import io.quire.domain.notebook.command.MoveCell;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The diff alone: which commands a draft gives, and that they reach the draft's order. */
class NotebookDiffTest {

    private static NotebookContent notebook(String... ids) {
        List<Cell> cells = new ArrayList<>();
        for (String id : ids) {
            cells.add(Cell.empty(id, CellType.CODE, "source of " + id));
        }
        return new NotebookContent(null, cells);
    }

    private static List<Object> diff(NotebookContent stored, NotebookContent wanted) {
        return NotebookDiff.between("n", stored, Map.of(), NotebookDraft.of(wanted), Set.of(), "ann");
    }

    @Test
    void anEqualDraftGivesNoCommands() {
        assertThat(diff(notebook("a", "b", "c"), notebook("a", "b", "c"))).isEmpty();
    }

    @Test
    void aReorderMovesOnlyCellsOutsideTheLongestIncreasingRun() {
        assertThat(diff(notebook("a", "b", "c", "d", "e"), notebook("b", "c", "d", "e", "a")))
                .containsExactly(new MoveCell("n", "a", "e", "ann"));
        assertThat(diff(notebook("a", "b", "c", "d"), notebook("d", "c", "b", "a"))).hasSize(3)
                .allMatch(command -> command instanceof MoveCell);
    }

    @Test
    void anyPermutationIsReachedWithTheFewestMoves() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(12); i++) {
                ids.add("c" + i);
            }
            List<String> shuffled = new ArrayList<>(ids);
            Collections.shuffle(shuffled, random);
            List<Object> commands = diff(notebook(ids.toArray(String[]::new)), notebook(shuffled.toArray(String[]::new)));

            List<String> order = new ArrayList<>(ids);
            for (Object command : commands) {
                MoveCell move = (MoveCell) command;
                order.remove(move.cellId());
                order.add(move.afterCellId() == null ? 0 : order.indexOf(move.afterCellId()) + 1, move.cellId());
            }
            assertThat(order).isEqualTo(shuffled);
            assertThat(commands).hasSize(ids.size() - longestIncreasingRun(ids, shuffled));
        }
    }

    @Test
    void aChangedSourceIsOneMinimalEditAgainstTheCellsRevision() {
        NotebookContent stored = notebook("a", "b");
        NotebookContent wanted = new NotebookContent(null, List.of(stored.cells().get(0),
                Cell.empty("b", CellType.CODE, "source of b, edited")));
        List<Object> commands = NotebookDiff.between("n", stored, Map.of("b", 7L), NotebookDraft.of(wanted), Set.of(),
                "ann");

        assertThat(commands).hasSize(1);
        EditCellSource edit = (EditCellSource) commands.get(0);
        assertThat(edit.cellId()).isEqualTo("b");
        assertThat(edit.baseRevision()).isEqualTo(7L);
        assertThat(edit.operation().apply("source of b")).isEqualTo("source of b, edited");
        assertThat(edit.operation().toJson()).containsExactly(11, ", edited");
    }

    @Test
    void deletionsComeFirstAndNewCellsAreInsertedAfterTheirPredecessor() {
        ObjectNode tagged = JsonNodeFactory.instance.objectNode();
        tagged.putArray("tags").add("x");
        NotebookContent wanted = new NotebookContent(null, List.of(Cell.empty("new", CellType.MARKDOWN, "hi"),
                Cell.empty("a", CellType.CODE, "source of a"),
                new Cell("z", CellType.CODE, "z", tagged, List.of(), null, null)));

        List<Object> commands = diff(notebook("a", "b"), wanted);

        assertThat(commands).hasSize(4);
        assertThat(commands.get(0)).isEqualTo(new DeleteCell("n", "b", "ann"));
        assertThat(commands.get(1)).isEqualTo(new InsertCell("n", "new", null, CellType.MARKDOWN, "hi", "ann"));
        assertThat(commands.get(2)).isEqualTo(new InsertCell("n", "z", "a", CellType.CODE, "z", "ann"));
        assertThat(commands.get(3).getClass().getSimpleName()).isEqualTo("SetCellMetadata");
    }

    @Test
    void aNewCellWhoseIdTheNotebookRefusedGetsAnAlias() {
        List<Object> commands = NotebookDiff.between("n", notebook("a"), Map.of(), NotebookDraft.of(notebook("a", "b")),
                Set.of("b"), "ann");
        assertThat(commands).containsExactly(new InsertCell("n", "b-r1", "a", CellType.CODE, "source of b", "ann"));
    }

    private static int longestIncreasingRun(List<String> ids, List<String> shuffled) {
        int[] positions = shuffled.stream().mapToInt(ids::indexOf).toArray();
        int best = 0;
        int[] lengths = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            lengths[i] = 1;
            for (int j = 0; j < i; j++) {
                if (positions[j] < positions[i]) {
                    lengths[i] = Math.max(lengths[i], lengths[j] + 1);
                }
            }
            best = Math.max(best, lengths[i]);
        }
        return best;
    }
}
