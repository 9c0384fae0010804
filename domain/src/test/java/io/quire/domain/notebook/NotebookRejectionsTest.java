package io.quire.domain.notebook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.CommandRejectedException;
import io.quire.domain.notebook.command.*;
import io.quire.domain.notebook.event.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.quire.domain.notebook.NotebookGivens.NB;
import static io.quire.domain.notebook.NotebookGivens.created;
import static io.quire.domain.notebook.NotebookGivens.inserted;
import static io.quire.domain.notebook.NotebookGivens.op;
import static org.hamcrest.Matchers.containsString;

/** Changes the notebook refuses, each with a message that says what was wrong; nothing is recorded for them. */
class NotebookRejectionsTest {

    private AggregateTestFixture<Notebook> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Notebook.class);
    }

    // ---- the notebook ----

    @Test
    void renameToAPathThatLeavesTheTreeIsRefused() {
        fixture.given(created())
                .when(new RenameNotebook(NB, "../b.ipynb", "bob"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("'../b.ipynb' has an empty, '.' or '..' part"))
                .expectNoEvents();
        fixture.given(created())
                .when(new RenameNotebook(NB, "/etc/b.ipynb", "bob"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("'/etc/b.ipynb' is not a relative path"));
        fixture.given(created())
                .when(new RenameNotebook(NB, " ", "bob"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("a notebook path is required"));
    }

    @Test
    void deletingADeletedNotebookIsRefused() {
        fixture.given(created(), new NotebookDeleted(NB, "a.ipynb", "ann"))
                .when(new DeleteNotebook(NB, "bob"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("notebook a.ipynb was deleted: restore it first"))
                .expectNoEvents();
    }

    @Test
    void aDeletedNotebookRefusesEveryChangeToItsCellsAndItself() {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("title", "Q3");
        List<Object> changes = List.of(
                new RenameNotebook(NB, "b.ipynb", "bob"),
                new EditCellSource(NB, "c1", 0, op(3, "d"), "bob"),
                new MoveCell(NB, "c2", null, "bob"),
                new DeleteCell(NB, "c1", "bob"),
                new ChangeCellType(NB, "c1", CellType.MARKDOWN, "bob"),
                new SetCellMetadata(NB, "c1", metadata, "bob"),
                new SetCellTags(NB, "c1", List.of("x"), "bob"),
                new SetCellOutputs(NB, "c1", List.of(), null, "bob"),
                new SetNotebookMetadata(NB, metadata, "bob"),
                new ClearOutputs(NB, List.of(), "bob"),
                new NameVersion(NB, "v1", "bob"),
                new RequestExecution(NB, "e1", "c1", null, "bob"));
        for (Object change : changes) {
            fixture.given(created(), inserted("c1", null, "abc"), inserted("c2", "c1", ""),
                            new NotebookDeleted(NB, "a.ipynb", "ann"))
                    .when(change)
                    .expectException(CommandRejectedException.class)
                    .expectExceptionMessage(containsString("notebook a.ipynb was deleted: restore it first"))
                    .expectNoEvents();
        }
    }

    @Test
    void notebookMetadataIsRequired() {
        fixture.given(created())
                .when(new SetNotebookMetadata(NB, null, "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("notebook metadata must be a JSON object"))
                .expectNoEvents();
    }

    // ---- cell type and metadata ----

    @Test
    void changingTheTypeOfADeletedOrUnknownCellIsRefused() {
        fixture.given(created(), inserted("c1", null, ""), new CellDeleted(NB, "c1", "bob"))
                .when(new ChangeCellType(NB, "c1", CellType.MARKDOWN, "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("cell c1 of a.ipynb was deleted: the change was not applied"))
                .expectNoEvents();
        fixture.given(created())
                .when(new ChangeCellType(NB, "zz", CellType.MARKDOWN, "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("notebook a.ipynb has no cell zz"));
    }

    @Test
    void aCellTypeChangeWithoutATypeIsRefused() {
        fixture.given(created(), inserted("c1", null, ""))
                .when(new ChangeCellType(NB, "c1", null, "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("a cell type is required: code, markdown or raw"))
                .expectNoEvents();
    }

    @Test
    void cellMetadataIsRequired() {
        fixture.given(created(), inserted("c1", null, ""))
                .when(new SetCellMetadata(NB, "c1", null, "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("cell metadata must be a JSON object"))
                .expectNoEvents();
    }

    @Test
    void metadataOfADeletedCellIsRefused() {
        fixture.given(created(), inserted("c1", null, ""), new CellDeleted(NB, "c1", "bob"))
                .when(new SetCellMetadata(NB, "c1", JsonNodeFactory.instance.objectNode(), "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("cell c1 of a.ipynb was deleted"))
                .expectNoEvents();
    }

    // ---- moves ----

    @Test
    void movingADeletedOrUnknownCellIsRefused() {
        fixture.given(created(), inserted("c1", null, ""), inserted("c2", "c1", ""), new CellDeleted(NB, "c2", "bob"))
                .when(new MoveCell(NB, "c2", null, "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("cell c2 of a.ipynb was deleted"))
                .expectNoEvents();
        fixture.given(created(), inserted("c1", null, ""))
                .when(new MoveCell(NB, "zz", "c1", "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("notebook a.ipynb has no cell zz"));
    }

    @Test
    void moveAfterAnUnknownCellIsRefused() {
        fixture.given(created(), inserted("c1", null, ""), inserted("c2", "c1", ""))
                .when(new MoveCell(NB, "c1", "nope", "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("has no cell nope to place the cell after"))
                .expectNoEvents();
    }

    // ---- edits ----

    @Test
    void aStaleEditThatDoesNotFitItsOldRevisionIsRefused() {
        // bob typed "X" at the front of "abc" (revision 1); ann, at revision 0, sends an edit of 4 characters:
        // it fits the text now, but not the text of revision 0 it claims to be based on.
        fixture.given(created(), inserted("c1", null, "abc"),
                        new CellSourceEdited(NB, "c1", 1, op("X", 3), "bob"))
                .when(new EditCellSource(NB, "c1", 0, op(4, "d"), "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("the edit does not fit revision 0 of cell c1"))
                .expectNoEvents();
    }

    @Test
    void anEditBasedOnARevisionOlderThanTheKeptHistoryIsRefused() {
        // 257 edits each append an "x": the cell keeps the last 256, so revision 0 is gone and revision 1 is not.
        List<Object> history = new ArrayList<>(List.of(created(), inserted("c1", null, "")));
        for (int revision = 1; revision <= CellText.HISTORY + 1; revision++) {
            history.add(new CellSourceEdited(NB, "c1", revision,
                    revision == 1 ? op("x") : op(revision - 1, "x"), "bob"));
        }
        fixture.given(history)
                .when(new EditCellSource(NB, "c1", 0, op("y"), "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("is based on revision 0, more than 256 edits ago:"
                        + " reload the cell and edit again"))
                .expectNoEvents();
        // the oldest revision kept still takes a stale edit, transformed over all 256 edits since
        fixture.given(history)
                .when(new EditCellSource(NB, "c1", 1, op(1, "y"), "ann"))
                .expectEvents(new CellSourceEdited(NB, "c1", CellText.HISTORY + 2, op(CellText.HISTORY + 1, "y"), "ann"));
    }

    @Test
    void anEditWithoutAnOperationIsRefused() {
        fixture.given(created(), inserted("c1", null, "abc"))
                .when(new EditCellSource(NB, "c1", 0, null, "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("an edit needs an operation"))
                .expectNoEvents();
    }
}
