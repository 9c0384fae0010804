package io.quire.domain.notebook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.CommandRejectedException;
import io.quire.domain.notebook.command.*;
import io.quire.domain.notebook.event.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.quire.domain.notebook.NotebookGivens.NB;
import static io.quire.domain.notebook.NotebookGivens.PYTHON;
import static io.quire.domain.notebook.NotebookGivens.created;
import static io.quire.domain.notebook.NotebookGivens.inserted;
import static io.quire.domain.notebook.NotebookGivens.op;
import static org.hamcrest.Matchers.containsString;

class NotebookTest {

    private AggregateTestFixture<Notebook> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Notebook.class);
    }

    @Test
    void createsANotebookAtAPath() {
        fixture.givenNoPriorActivity()
                .when(new CreateNotebook(NB, "reports/a.ipynb", PYTHON, "ann"))
                .expectEvents(new NotebookCreated(NB, "reports/a.ipynb", PYTHON, "ann"));
    }

    @Test
    void refusesPathsThatLeaveTheTree() {
        for (String path : List.of("../a.ipynb", "/etc/a.ipynb", "a//b.ipynb", "x/./a.ipynb", "", "C:\\a.ipynb")) {
            fixture.givenNoPriorActivity()
                    .when(new CreateNotebook(NB, path, PYTHON, "ann"))
                    .expectException(CommandRejectedException.class)
                    .expectNoEvents();
        }
    }

    @Test
    void refusesAChangeWithoutAUser() {
        fixture.givenNoPriorActivity()
                .when(new CreateNotebook(NB, "a.ipynb", PYTHON, " "))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("user"));
    }

    @Test
    void importsANotebookWithItsCells() {
        NotebookContent content = new NotebookContent(null,
                List.of(Cell.empty("c1", CellType.CODE, "1+1"), Cell.empty("c2", CellType.MARKDOWN, "# hi")));
        fixture.givenNoPriorActivity()
                .when(new ImportNotebook(NB, "a.ipynb", content, "ann"))
                .expectEvents(new NotebookImported(NB, "a.ipynb", content, "ann"));
    }

    @Test
    void refusesAnImportWithDuplicateCellIds() {
        NotebookContent content = new NotebookContent(null,
                List.of(Cell.empty("c1", CellType.CODE, "1"), Cell.empty("c1", CellType.CODE, "2")));
        fixture.givenNoPriorActivity()
                .when(new ImportNotebook(NB, "a.ipynb", content, "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("share the id 'c1'"));
    }

    @Test
    void renamesAndIgnoresARenameToTheSamePath() {
        fixture.given(created())
                .when(new RenameNotebook(NB, "b/c.ipynb", "bob"))
                .expectEvents(new NotebookRenamed(NB, "a.ipynb", "b/c.ipynb", "bob"));
        fixture.given(created())
                .when(new RenameNotebook(NB, "a.ipynb", "bob"))
                .expectNoEvents();
    }

    @Test
    void deletedNotebookRefusesChangesUntilRestored() {
        fixture.given(created(), new NotebookDeleted(NB, "a.ipynb", "ann"))
                .when(new InsertCell(NB, "c1", null, CellType.CODE, "", "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("restore it first"));
        fixture.given(created(), new NotebookDeleted(NB, "a.ipynb", "ann"))
                .when(new RestoreNotebook(NB, null, "bob"))
                .expectEvents(new NotebookRestored(NB, "a.ipynb", "bob"));
        fixture.given(created())
                .when(new DeleteNotebook(NB, "ann"))
                .expectEvents(new NotebookDeleted(NB, "a.ipynb", "ann"));
    }

    @Test
    void restoringANotebookThatIsNotDeletedIsRefused() {
        fixture.given(created())
                .when(new RestoreNotebook(NB, null, "ann"))
                .expectException(CommandRejectedException.class);
    }

    @Test
    void insertsACellAtTheTopOrAfterAnother() {
        fixture.given(created())
                .when(new InsertCell(NB, "c1", null, CellType.CODE, "x = 1", "ann"))
                .expectEvents(inserted("c1", null, "x = 1"));
        fixture.given(created(), inserted("c1", null, ""))
                .when(new InsertCell(NB, "c2", "c1", CellType.MARKDOWN, null, "ann"))
                .expectEvents(new CellInserted(NB, "c2", "c1", CellType.MARKDOWN, "", "ann"));
    }

    @Test
    void refusesAnInsertWithAnUsedOrMalformedIdOrUnknownAnchor() {
        fixture.given(created(), inserted("c1", null, ""))
                .when(new InsertCell(NB, "c1", null, CellType.CODE, "", "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("already used"));
        fixture.given(created())
                .when(new InsertCell(NB, "bad id!", null, CellType.CODE, "", "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("not a valid cell id"));
        fixture.given(created())
                .when(new InsertCell(NB, "c2", "nope", CellType.CODE, "", "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("no cell nope"));
    }

    @Test
    void insertAfterADeletedCellLandsWhereThatCellStood() {
        fixture.given(created(), inserted("c1", null, ""), inserted("c2", "c1", ""),
                        new CellDeleted(NB, "c2", "bob"))
                .when(new InsertCell(NB, "c3", "c2", CellType.CODE, "", "ann"))
                .expectEvents(inserted("c3", "c1", ""));
    }

    @Test
    void deletesACellAndADeleteOfADeletedCellChangesNothing() {
        fixture.given(created(), inserted("c1", null, ""))
                .when(new DeleteCell(NB, "c1", "ann"))
                .expectEvents(new CellDeleted(NB, "c1", "ann"));
        fixture.given(created(), inserted("c1", null, ""), new CellDeleted(NB, "c1", "bob"))
                .when(new DeleteCell(NB, "c1", "ann"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(created())
                .when(new DeleteCell(NB, "zz", "ann"))
                .expectException(CommandRejectedException.class);
    }

    @Test
    void movesACellWithItsOwnEvent() {
        fixture.given(created(), inserted("c1", null, ""), inserted("c2", "c1", ""))
                .when(new MoveCell(NB, "c2", null, "ann"))
                .expectEvents(new CellMoved(NB, "c2", null, "ann"));
        fixture.given(created(), inserted("c1", null, ""))
                .when(new MoveCell(NB, "c1", "c1", "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("after itself"));
    }

    @Test
    void editsASourceWithATextOperation() {
        fixture.given(created(), inserted("c1", null, "abc"))
                .when(new EditCellSource(NB, "c1", 0, op(3, "d"), "ann"))
                .expectEvents(new CellSourceEdited(NB, "c1", 1, op(3, "d"), "ann"));
    }

    @Test
    void transformsAStaleEditOverTheEditsAcceptedSince() {
        // bob typed "X" at the front of "abc" (revision 1); ann, still at revision 0, appends "d".
        fixture.given(created(), inserted("c1", null, "abc"),
                        new CellSourceEdited(NB, "c1", 1, op("X", 3), "bob"))
                .when(new EditCellSource(NB, "c1", 0, op(3, "d"), "ann"))
                .expectEvents(new CellSourceEdited(NB, "c1", 2, op(4, "d"), "ann"));
    }

    @Test
    void refusesAnEditThatDoesNotFitItsRevision() {
        fixture.given(created(), inserted("c1", null, "abc"))
                .when(new EditCellSource(NB, "c1", 0, op(10, "d"), "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("does not fit revision 0"));
        fixture.given(created(), inserted("c1", null, "abc"))
                .when(new EditCellSource(NB, "c1", 7, op(3, "d"), "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("has no revision 7"));
    }

    @Test
    void refusesAnEditOfADeletedCell() {
        fixture.given(created(), inserted("c1", null, "abc"), new CellDeleted(NB, "c1", "bob"))
                .when(new EditCellSource(NB, "c1", 0, op(3, "d"), "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("was deleted"));
    }

    @Test
    void anEditThatChangesNothingRecordsNothing() {
        fixture.given(created(), inserted("c1", null, "abc"))
                .when(new EditCellSource(NB, "c1", 0, op(3), "ann"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changesACellType() {
        fixture.given(created(), inserted("c1", null, ""))
                .when(new ChangeCellType(NB, "c1", CellType.MARKDOWN, "ann"))
                .expectEvents(new CellTypeChanged(NB, "c1", CellType.MARKDOWN, "ann"));
        fixture.given(created(), inserted("c1", null, ""))
                .when(new ChangeCellType(NB, "c1", CellType.CODE, "ann"))
                .expectNoEvents();
    }

    @Test
    void setsCellMetadataAndTags() {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("collapsed", true);
        fixture.given(created(), inserted("c1", null, ""))
                .when(new SetCellMetadata(NB, "c1", metadata, "ann"))
                .expectEvents(new CellMetadataSet(NB, "c1", metadata, "ann"));
        fixture.given(created(), inserted("c1", null, ""))
                .when(new SetCellTags(NB, "c1", List.of("parameters"), "ann"))
                .expectEvents(new CellTagsSet(NB, "c1", List.of("parameters"), "ann"));
        fixture.given(created(), inserted("c1", null, ""))
                .when(new SetCellTags(NB, "c1", List.of("a,b"), "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("no commas"));
    }

    @Test
    void setsAndRemovesTheAttachmentsOfAMarkdownOrRawCell() {
        ObjectNode attachments = JsonNodeFactory.instance.objectNode();
        attachments.putObject("logo.png").put("image/png", "iVBORw0KGgo=");
        fixture.given(created(), new CellInserted(NB, "m1", null, CellType.MARKDOWN, "![](attachment:logo.png)", "ann"))
                .when(new SetCellAttachments(NB, "m1", attachments, "bob"))
                .expectEvents(new CellAttachmentsSet(NB, "m1", attachments, "bob"));
        fixture.given(created(), new CellInserted(NB, "r1", null, CellType.RAW, "", "ann"))
                .when(new SetCellAttachments(NB, "r1", null, "bob"))
                .expectEvents(new CellAttachmentsSet(NB, "r1", null, "bob"));
    }

    @Test
    void attachmentsOfACodeCellOrOfADeletedOrUnknownCellAreRefused() {
        ObjectNode attachments = JsonNodeFactory.instance.objectNode();
        fixture.given(created(), inserted("c1", null, ""))
                .when(new SetCellAttachments(NB, "c1", attachments, "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("cell c1 is code: only markdown and raw cells have attachments"))
                .expectNoEvents();
        fixture.given(created(), new CellInserted(NB, "m1", null, CellType.MARKDOWN, "", "ann"),
                        new CellDeleted(NB, "m1", "bob"))
                .when(new SetCellAttachments(NB, "m1", attachments, "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("cell m1 of a.ipynb was deleted"));
        fixture.given(created())
                .when(new SetCellAttachments(NB, "zz", attachments, "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("has no cell zz"));
    }

    @Test
    void setsNotebookMetadata() {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("title", "Q3");
        fixture.given(created())
                .when(new SetNotebookMetadata(NB, metadata, "ann"))
                .expectEvents(new NotebookMetadataSet(NB, metadata, "ann"));
    }

    @Test
    void clearsOutputsOfAllCodeCellsOrOfNamedOnes() {
        fixture.given(created(), inserted("c1", null, ""), inserted("c2", "c1", ""),
                        new CellInserted(NB, "m1", "c2", CellType.MARKDOWN, "", "ann"))
                .when(new ClearOutputs(NB, List.of(), "ann"))
                .expectEvents(new OutputsCleared(NB, List.of("c1", "c2"), "ann"));
        fixture.given(created(), new CellInserted(NB, "m1", null, CellType.MARKDOWN, "", "ann"))
                .when(new ClearOutputs(NB, List.of("m1"), "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("only code cells"));
    }

    @Test
    void namesTheCurrentVersionOnce() {
        fixture.given(created(), inserted("c1", null, ""))
                .when(new NameVersion(NB, "v1", "ann"))
                .expectEvents(new VersionNamed(NB, "v1", 1, "ann"));
        fixture.given(created(), new VersionNamed(NB, "v1", 0, "ann"))
                .when(new NameVersion(NB, "v1", "bob"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("already named 'v1'"));
    }

    @Test
    void anExecutionRecordsTheCodeAndEveryOutputAsTheRequestingUser() {
        var output = JsonNodeFactory.instance.objectNode().put("output_type", "stream").put("name", "stdout")
                .put("text", "2\n");
        fixture.given(created(), inserted("c1", null, "print(2)"))
                .when(new RequestExecution(NB, "e1", "c1", null, "bob"))
                .expectEvents(new ExecutionRequested(NB, "e1", "c1", "print(2)", "bob"));
        fixture.given(created(), inserted("c1", null, "print(2)"), new ExecutionRequested(NB, "e1", "c1", "print(2)", "bob"))
                .when(new RecordOutput(NB, "e1", output, null))
                .expectEvents(new OutputProduced(NB, "e1", "c1", output, null, "bob"));
        fixture.given(created(), inserted("c1", null, ""), new ExecutionRequested(NB, "e1", "c1", "", "bob"))
                .when(new RecordExecutionStart(NB, "e1", 3))
                .expectEvents(new ExecutionStarted(NB, "e1", "c1", 3, "bob"));
        fixture.given(created(), inserted("c1", null, ""), new ExecutionRequested(NB, "e1", "c1", "", "bob"))
                .when(new RecordOutputClear(NB, "e1", true))
                .expectEvents(new OutputCleared(NB, "e1", "c1", true, "bob"));
        fixture.given(created(), inserted("c1", null, ""), new ExecutionRequested(NB, "e1", "c1", "", "bob"))
                .when(new RecordExecutionEnd(NB, "e1", ExecutionOutcome.KERNEL_DIED, null, "the kernel died"))
                .expectEvents(new ExecutionEnded(NB, "e1", "c1", ExecutionOutcome.KERNEL_DIED, null, "the kernel died", "bob"));
    }

    @Test
    void outputsOfAnExecutionThatEndedOrNeverStartedAreRefused() {
        var output = JsonNodeFactory.instance.objectNode().put("output_type", "stream");
        fixture.given(created(), inserted("c1", null, ""), new ExecutionRequested(NB, "e1", "c1", "", "bob"),
                        new ExecutionEnded(NB, "e1", "c1", ExecutionOutcome.OK, 1, null, "bob"))
                .when(new RecordOutput(NB, "e1", output, null))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("no running execution e1"));
        fixture.given(created(), inserted("c1", null, ""), new ExecutionRequested(NB, "e1", "c1", "", "bob"))
                .when(new RecordOutput(NB, "e1", JsonNodeFactory.instance.objectNode().put("output_type", "bogus"), null))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("output_type"));
    }

    @Test
    void onlyLiveCodeCellsRun() {
        fixture.given(created(), new CellInserted(NB, "m1", null, CellType.MARKDOWN, "", "ann"))
                .when(new RequestExecution(NB, "e1", "m1", null, "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("only code cells run"));
        fixture.given(created(), inserted("c1", null, ""), new CellDeleted(NB, "c1", "bob"))
                .when(new RequestExecution(NB, "e1", "c1", null, "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("was deleted"));
    }
}
