package io.quire.domain.notebook.simulation;

import io.quire.domain.CommandRejectedException;
import io.quire.domain.notebook.command.ChangeCellType;
import io.quire.domain.notebook.command.DeleteCell;
import io.quire.domain.notebook.command.EditCellSource;
import io.quire.domain.notebook.command.InsertCell;
import io.quire.domain.notebook.command.MoveCell;
import io.quire.domain.notebook.event.CellDeleted;
import io.quire.domain.notebook.event.CellInserted;
import io.quire.domain.notebook.event.CellMoved;
import io.quire.domain.notebook.event.CellSourceEdited;
import io.quire.domain.notebook.event.CellTypeChanged;
import io.quire.domain.notebook.simulation.InMemoryNotebookServer.Outcome;
import io.quire.domain.notebook.simulation.Replica.CellView;
import io.quire.domain.notebook.simulation.SimulatedClient.EditIntent;
import io.quire.domain.notebook.simulation.SimulatedClient.Intent;
import io.quire.domain.notebook.text.TextComponent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What the server must have done with one command, judged against the state just before it ({@code truth}, a
 * replica holding every event so far): refuse only changes of cells deleted meanwhile, place a cell after the
 * anchor the sender named while it lives, and make a stale text edit remove exactly what its sender removed and
 * insert exactly what its sender inserted.
 */
final class OutcomeChecks {

    private OutcomeChecks() {
    }

    /** Checks {@code outcome} before its events are applied to {@code truth}. */
    static void check(Replica truth, Intent intent, Outcome outcome) {
        Object command = intent.command();
        String target = target(command);
        if (intent.refusal() != null) {
            assertThat(outcome.accepted()).as("the faulty %s was accepted: %s", command, outcome.events()).isFalse();
            boolean deletedMeanwhile = !(command instanceof InsertCell) && !truth.isLive(target);
            assertThat(outcome.rejection().getMessage()).as("why %s was refused", command)
                    .contains(deletedMeanwhile ? "was deleted" : intent.refusal());
            return;
        }
        if (!outcome.accepted()) {
            CommandRejectedException rejection = outcome.rejection();
            assertThat(command).as("only a change of a cell deleted meanwhile may be refused, not: %s",
                    rejection.getMessage()).isNotInstanceOfAny(InsertCell.class, DeleteCell.class);
            assertThat(truth.isLive(target)).as("%s was refused (%s) though %s is live", command,
                    rejection.getMessage(), target).isFalse();
            assertThat(rejection.reason()).isEqualTo(CommandRejectedException.Reason.CONFLICT);
            assertThat(rejection.getMessage()).contains(target).contains("deleted");
            return;
        }
        List<Object> events = outcome.events();
        if (command instanceof InsertCell insert) {
            String anchor = expectedAnchor(truth, insert.afterCellId(), events, 0);
            assertThat(events).containsExactly(new CellInserted(insert.notebookId(), insert.cellId(), anchor,
                    insert.type(), insert.source(), insert.user()));
        } else if (command instanceof DeleteCell delete) {
            assertThat(events).as("a delete of a cell already deleted changes nothing")
                    .isEqualTo(truth.isLive(target) ? List.of(new CellDeleted(delete.notebookId(), target,
                            delete.user())) : List.of());
        } else {
            assertThat(truth.isLive(target)).as("%s was accepted though %s was deleted", command, target).isTrue();
            if (command instanceof MoveCell move) {
                if (move.afterCellId() == null || truth.isLive(move.afterCellId()) || !events.isEmpty()) {
                    String anchor = expectedAnchor(truth, move.afterCellId(), events, 0);
                    assertThat(anchor).as("a cell moves after another, never itself").isNotEqualTo(target);
                    assertThat(events).containsExactly(new CellMoved(move.notebookId(), target, anchor, move.user()));
                }
            } else if (command instanceof ChangeCellType change) {
                assertThat(events).isEqualTo(truth.cell(target).type() == change.type() ? List.of()
                        : List.of(new CellTypeChanged(change.notebookId(), target, change.type(), change.user())));
            } else {
                checkEdit(truth.cell(target), intent.edit(), events);
            }
        }
    }

    /** After the events are applied: the survivors of the sender's view and its inserts stand as it placed them. */
    static void checkPlacement(Replica truth, EditIntent edit) {
        CellView cell = truth.cell(edit.command().cellId());
        if (cell != null) {
            keepsOrder(cell.chars(), edit.intended(), "edit " + edit.command().operation() + " of "
                    + edit.command().cellId() + " @r" + edit.command().baseRevision());
        }
    }

    /** The identities common to {@code actual} and {@code intended} come in the same order in both. */
    static void keepsOrder(List<Long> actual, List<Long> intended, String what) {
        Set<Long> inActual = new HashSet<>(actual);
        Set<Long> inIntended = new HashSet<>(intended);
        List<Long> got = actual.stream().filter(inIntended::contains).toList();
        List<Long> meant = intended.stream().filter(inActual::contains).toList();
        if (!got.equals(meant)) {
            fail("the " + what + " placed characters out of the order its sender saw:%n meant %s%n   got %s",
                    describe(meant), describe(got));
        }
    }

    private static void checkEdit(CellView before, EditIntent edit, List<Object> events) {
        Set<Long> stillThere = new HashSet<>(edit.deleted());
        stillThere.retainAll(before.chars());
        if (events.isEmpty()) {
            assertThat(edit.inserted()).as("an edit that inserts was dropped").isEmpty();
            assertThat(stillThere).as("an edit that deletes characters still there was dropped").isEmpty();
            return;
        }
        EditCellSource command = edit.command();
        assertThat(events).hasSize(1).first().isInstanceOf(CellSourceEdited.class);
        CellSourceEdited edited = (CellSourceEdited) events.get(0);
        assertThat(edited.cellId()).isEqualTo(command.cellId());
        assertThat(edited.notebookId()).isEqualTo(command.notebookId());
        assertThat(edited.user()).isEqualTo(command.user());
        assertThat(edited.revision()).isEqualTo(before.revision() + 1);
        assertThat(edited.operation().baseLength()).isEqualTo(before.chars().size());
        Set<Long> removed = Replica.removedBy(before.chars(), edited.operation().components());
        if (!removed.equals(stillThere)) {
            fail("the accepted %s (from %s @r%d) removed %s, but its sender removed %s of what is still there",
                    edited.operation(), command.operation(), command.baseRevision(), describe(removed),
                    describe(stillThere));
        }
        List<Long> inserted = new ArrayList<>();
        for (TextComponent component : edited.operation().components()) {
            if (component instanceof TextComponent.Insert insert) {
                inserted.addAll(Marks.insertedChars(insert.text()));
            }
        }
        if (!inserted.equals(edit.inserted())) {
            fail("the accepted %s (from %s @r%d) inserted %s, but its sender inserted %s", edited.operation(),
                    command.operation(), command.baseRevision(), describe(inserted), describe(edit.inserted()));
        }
    }

    /**
     * The anchor the event must name: the one requested while it lives (or the top); for a deleted anchor the
     * server picks a live cell (or the top), whose exact choice is the aggregate's business.
     */
    private static String expectedAnchor(Replica truth, String requested, List<Object> events, int index) {
        if (requested == null || truth.isLive(requested)) {
            return requested;
        }
        assertThat(events).as("events of a change after deleted cell %s", requested).hasSizeGreaterThan(index);
        String chosen = events.get(index) instanceof CellInserted e ? e.afterCellId()
                : events.get(index) instanceof CellMoved e ? e.afterCellId() : null;
        assertThat(chosen == null || truth.isLive(chosen)).as("anchor %s replacing deleted %s is live", chosen,
                requested).isTrue();
        return chosen;
    }

    private static String target(Object command) {
        if (command instanceof InsertCell c) {
            return c.cellId();
        } else if (command instanceof DeleteCell c) {
            return c.cellId();
        } else if (command instanceof MoveCell c) {
            return c.cellId();
        } else if (command instanceof ChangeCellType c) {
            return c.cellId();
        } else if (command instanceof EditCellSource c) {
            return c.cellId();
        }
        throw new IllegalArgumentException("the simulation does not send " + command);
    }

    /** Identities in their order, readably. */
    static String describe(List<Long> ids) {
        return ids.stream().map(Marks::describe).collect(Collectors.joining(" ", "[", "]"));
    }

    /** Identities of a set, sorted, readably. */
    static String describe(Set<Long> ids) {
        return describe(ids.stream().sorted().toList());
    }
}
