package io.quire.domain.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.CommandRejectedException;
import io.quire.domain.notebook.command.*;
import io.quire.domain.notebook.event.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.quire.domain.notebook.NotebookGivens.NB;
import static io.quire.domain.notebook.NotebookGivens.created;
import static io.quire.domain.notebook.NotebookGivens.inserted;
import static org.hamcrest.Matchers.containsString;

/** Outputs of code cells: set as a whole (import, client save) or recorded as the kernel produces them. */
class NotebookExecutionTest {

    private AggregateTestFixture<Notebook> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Notebook.class);
    }

    /** bob asked to run c1 as execution e1. */
    private static ExecutionRequested requested() {
        return new ExecutionRequested(NB, "e1", "c1", "", "bob");
    }

    private static ExecutionEnded ended() {
        return new ExecutionEnded(NB, "e1", "c1", ExecutionOutcome.OK, 1, null, "bob");
    }

    private static ObjectNode stream(String text) {
        return JsonNodeFactory.instance.objectNode().put("output_type", "stream").put("name", "stdout")
                .put("text", text);
    }

    private static ObjectNode display(String text) {
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.putObject("data").put("text/plain", text);
        output.putObject("metadata");
        return output;
    }

    // ---- SetCellOutputs ----

    @Test
    void setsTheOutputsAndExecutionCountOfACodeCell() {
        List<JsonNode> outputs = List.of(stream("2\n"),
                JsonNodeFactory.instance.objectNode().put("output_type", "error").put("ename", "ValueError"));
        fixture.given(created(), inserted("c1", null, "print(2)"))
                .when(new SetCellOutputs(NB, "c1", outputs, 4, "ann"))
                .expectEvents(new CellOutputsSet(NB, "c1", outputs, 4, "ann"));
    }

    @Test
    void settingNoOutputsEmptiesTheCell() {
        fixture.given(created(), inserted("c1", null, ""))
                .when(new SetCellOutputs(NB, "c1", null, null, "ann"))
                .expectEvents(new CellOutputsSet(NB, "c1", List.of(), null, "ann"));
    }

    @Test
    void outputsOfAMarkdownOrRawCellAreRefused() {
        fixture.given(created(), new CellInserted(NB, "m1", null, CellType.MARKDOWN, "", "ann"))
                .when(new SetCellOutputs(NB, "m1", List.of(stream("x")), null, "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("cell m1 is markdown: only code cells have outputs"))
                .expectNoEvents();
        fixture.given(created(), new CellInserted(NB, "r1", null, CellType.RAW, "", "ann"))
                .when(new SetCellOutputs(NB, "r1", List.of(), null, "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("cell r1 is raw: only code cells have outputs"));
    }

    @Test
    void outputsWithoutAKnownOutputTypeAreRefused() {
        List<List<JsonNode>> bad = List.of(
                List.of(stream("ok"), JsonNodeFactory.instance.objectNode().put("output_type", "bogus")),
                List.of(JsonNodeFactory.instance.objectNode().put("text", "no type")),
                Arrays.asList(stream("ok"), null),
                List.of(JsonNodeFactory.instance.textNode("stream")));
        for (List<JsonNode> outputs : bad) {
            fixture.given(created(), inserted("c1", null, ""))
                    .when(new SetCellOutputs(NB, "c1", outputs, 1, "ann"))
                    .expectException(CommandRejectedException.class)
                    .expectExceptionMessage(containsString("an output needs output_type stream, display_data,"
                            + " execute_result or error"))
                    .expectNoEvents();
        }
    }

    @Test
    void outputsOfADeletedOrUnknownCellAreRefused() {
        fixture.given(created(), inserted("c1", null, ""), new CellDeleted(NB, "c1", "bob"))
                .when(new SetCellOutputs(NB, "c1", List.of(stream("x")), 1, "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("cell c1 of a.ipynb was deleted"));
        fixture.given(created())
                .when(new SetCellOutputs(NB, "zz", List.of(stream("x")), 1, "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("notebook a.ipynb has no cell zz"));
    }

    // ---- RecordDisplayUpdate ----

    @Test
    void aDisplayUpdateIsRecordedAsTheRequestingUser() {
        ObjectNode output = display("50%");
        fixture.given(created(), inserted("c1", null, ""), requested())
                .when(new RecordDisplayUpdate(NB, "e1", "progress", output))
                .expectEvents(new DisplayUpdated(NB, "e1", "progress", output, "bob"));
    }

    @Test
    void aDisplayUpdateWithoutADisplayIdOrOutputIsRefused() {
        fixture.given(created(), inserted("c1", null, ""), requested())
                .when(new RecordDisplayUpdate(NB, "e1", null, display("50%")))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("a display update needs a display id and an output"))
                .expectNoEvents();
        fixture.given(created(), inserted("c1", null, ""), requested())
                .when(new RecordDisplayUpdate(NB, "e1", "progress", null))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("a display update needs a display id and an output"));
    }

    @Test
    void aDisplayUpdateOfAnExecutionThatEndedOrNeverStartedIsRefused() {
        fixture.given(created(), inserted("c1", null, ""), requested(), ended())
                .when(new RecordDisplayUpdate(NB, "e1", "progress", display("100%")))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("notebook a.ipynb has no running execution e1"))
                .expectNoEvents();
        fixture.given(created(), inserted("c1", null, ""))
                .when(new RecordDisplayUpdate(NB, "e9", "progress", display("100%")))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("no running execution e9"));
    }

    // ---- start, clear and end of an execution ----

    @Test
    void startClearOrEndOfAnExecutionThatEndedOrNeverStartedIsRefused() {
        List<Object> ofEnded = List.of(new RecordExecutionStart(NB, "e1", 2), new RecordOutputClear(NB, "e1", false),
                new RecordExecutionEnd(NB, "e1", ExecutionOutcome.OK, 2, null));
        for (Object command : ofEnded) {
            fixture.given(created(), inserted("c1", null, ""), requested(), ended())
                    .when(command)
                    .expectException(CommandRejectedException.class)
                    .expectExceptionMessage(containsString("notebook a.ipynb has no running execution e1"))
                    .expectNoEvents();
        }
        List<Object> ofUnknown = List.of(new RecordExecutionStart(NB, "e9", 1), new RecordOutputClear(NB, "e9", true),
                new RecordExecutionEnd(NB, "e9", ExecutionOutcome.ERROR, 1, "boom"));
        for (Object command : ofUnknown) {
            fixture.given(created(), inserted("c1", null, ""), requested())
                    .when(command)
                    .expectException(CommandRejectedException.class)
                    .expectExceptionMessage(containsString("notebook a.ipynb has no running execution e9"))
                    .expectNoEvents();
        }
    }

    @Test
    void anExecutionEndWithoutAnOutcomeIsRefused() {
        fixture.given(created(), inserted("c1", null, ""), requested())
                .when(new RecordExecutionEnd(NB, "e1", null, 1, null))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("an execution ends ok, error, interrupted, aborted or kernel_died"))
                .expectNoEvents();
    }

    @Test
    void anExecutionOfACellOrNotebookDeletedMeanwhileStillRecordsWhatTheKernelDid() {
        fixture.given(created(), inserted("c1", null, ""), requested(), new CellDeleted(NB, "c1", "ann"))
                .when(new RecordOutput(NB, "e1", stream("late\n"), null))
                .expectEvents(new OutputProduced(NB, "e1", "c1", stream("late\n"), null, "bob"));
        fixture.given(created(), inserted("c1", null, ""), requested(), new NotebookDeleted(NB, "a.ipynb", "ann"))
                .when(new RecordExecutionEnd(NB, "e1", ExecutionOutcome.INTERRUPTED, null, null))
                .expectEvents(new ExecutionEnded(NB, "e1", "c1", ExecutionOutcome.INTERRUPTED, null, null, "bob"));
    }
}
