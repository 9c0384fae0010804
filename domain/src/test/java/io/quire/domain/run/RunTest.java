package io.quire.domain.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.CommandRejectedException;
import io.quire.domain.run.command.*;
import io.quire.domain.run.event.*;
import io.quire.domain.serialization.QuireJson;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

class RunTest {

    private static final String RUN = "run-1";
    private static final RunSource SOURCE = RunSource.notebook("nb-1", "reports/a.ipynb", 7, "ab12");
    private AggregateTestFixture<Run> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Run.class);
    }

    private static ObjectNode params() {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        params.put("alpha", 0.5);
        params.put("region", "eu");
        return params;
    }

    private static RequestRun request(ObjectNode params, List<String> secrets) {
        return new RequestRun(RUN, SOURCE, params, secrets, RunSettings.defaults(), RunTrigger.USER, null, null, "ann");
    }

    private static RunRequested requested() {
        return new RunRequested(RUN, SOURCE, params(), List.of("token"), RunSettings.defaults(), RunTrigger.USER,
                null, null, "ann");
    }

    private static final RunStarted STARTED = new RunStarted(RUN, "k-1", "python3", 3);

    @Test
    void recordsARequestPinnedToAVersionWithSecretsByNameOnly() {
        fixture.givenNoPriorActivity()
                .when(request(params(), List.of("token")))
                .expectEvents(requested());
    }

    @Test
    void refusesBadRequests() {
        ObjectNode badName = JsonNodeFactory.instance.objectNode().put("1x", 1);
        List<RequestRun> bad = List.of(
                request(badName, List.of()),
                request(params(), List.of("alpha")),
                new RequestRun(RUN, new RunSource("nb-1", "a.ipynb", null, "x"), params(), List.of(),
                        RunSettings.defaults(), RunTrigger.USER, null, null, "ann"),
                new RequestRun(RUN, SOURCE, params(), List.of(),
                        new RunSettings(null, Duration.ZERO, null, false, null), RunTrigger.USER, null, null, "ann"),
                new RequestRun(RUN, SOURCE, params(), List.of(), null, RunTrigger.SCHEDULE, null, null, "ann"),
                new RequestRun(RUN, SOURCE, params(), List.of(), null, RunTrigger.RETRY, null, null, "ann"),
                new RequestRun("a/b", SOURCE, params(), List.of(), null, RunTrigger.API, null, null, "ann"),
                new RequestRun(RUN, SOURCE, params(), List.of(), null, RunTrigger.API, null, null, ""));
        for (RequestRun command : bad) {
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectException(CommandRejectedException.class)
                    .expectNoEvents();
        }
    }

    @Test
    void recordsEveryCellStepOfARunningRun() {
        ObjectNode output = JsonNodeFactory.instance.objectNode().put("output_type", "stream").put("name", "stdout")
                .put("text", "hi\n");
        fixture.given(requested(), STARTED)
                .when(new RecordRunCellStart(RUN, "c1", 0))
                .expectEvents(new RunCellStarted(RUN, "c1", 0));
        fixture.given(requested(), STARTED, new RunCellStarted(RUN, "c1", 0))
                .when(new RecordRunOutput(RUN, "c1", output))
                .expectEvents(new RunOutputProduced(RUN, "c1", output));
        fixture.given(requested(), STARTED, new RunCellStarted(RUN, "c1", 0))
                .when(new RecordRunOutputClear(RUN, "c1"))
                .expectEvents(new RunOutputCleared(RUN, "c1"));
        fixture.given(requested(), STARTED, new RunCellStarted(RUN, "c1", 0))
                .when(new RecordRunCellEnd(RUN, "c1", CellOutcome.COMPLETED, 1, null))
                .expectEvents(new RunCellEnded(RUN, "c1", CellOutcome.COMPLETED, 1, null));
    }

    @Test
    void refusesStepsOutOfOrder() {
        fixture.given(requested())
                .when(new RecordRunCellStart(RUN, "c1", 0))
                .expectException(CommandRejectedException.class).expectExceptionMessage(containsString("not started"));
        fixture.given(requested(), STARTED)
                .when(new StartRun(RUN, "k-2", "python3", 3))
                .expectException(CommandRejectedException.class);
        fixture.given(requested(), STARTED)
                .when(new RecordRunOutputClear(RUN, "c9"))
                .expectException(CommandRejectedException.class);
        fixture.given(requested(), STARTED, new RunCellStarted(RUN, "c1", 0))
                .when(new RecordRunCellStart(RUN, "c1", 0))
                .expectException(CommandRejectedException.class);
        fixture.given(requested(), STARTED, new RunCellStarted(RUN, "c1", 0),
                        new RunCellEnded(RUN, "c1", CellOutcome.COMPLETED, 1, null))
                .when(new RecordRunOutputClear(RUN, "c1"))
                .expectException(CommandRejectedException.class).expectExceptionMessage(containsString("already ended"));
        fixture.given(requested(), STARTED, new RunCellStarted(RUN, "c1", 0))
                .when(new RecordRunOutput(RUN, "c1", JsonNodeFactory.instance.objectNode()))
                .expectException(CommandRejectedException.class);
    }

    @Test
    void endsSucceededOrFailedWithTheFailingCell() {
        fixture.given(requested(), STARTED)
                .when(new EndRun(RUN, null, "file:///out/run-1.ipynb", null))
                .expectEvents(new RunSucceeded(RUN, "file:///out/run-1.ipynb", null));
        RunFailure failure = new RunFailure(RunFailure.Kind.CELL_ERROR, "c2", 2, 2, "ValueError", "bad", "cell 2 failed");
        fixture.given(requested(), STARTED)
                .when(new EndRun(RUN, failure, "file:///out/run-1.ipynb", null))
                .expectEvents(new RunFailed(RUN, failure, "file:///out/run-1.ipynb"));
        RunFailure noKernel = RunFailure.of(RunFailure.Kind.KERNEL_UNAVAILABLE, "no kernel 'julia'");
        fixture.given(requested())
                .when(new EndRun(RUN, noKernel, null, null))
                .expectEvents(new RunFailed(RUN, noKernel, null));
    }

    @Test
    void anEndedRunNeverChanges() {
        fixture.given(requested(), STARTED, new RunSucceeded(RUN, "x", null))
                .when(new EndRun(RUN, null, "y", null))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("--retry run-1"));
        fixture.given(requested(), STARTED, new RunSucceeded(RUN, "x", null))
                .when(new CancelRun(RUN, "late", "bob"))
                .expectException(CommandRejectedException.class);
        fixture.given(requested(), new RunCancelled(RUN, "no", "bob", null))
                .when(new StartRun(RUN, "k-1", "python3", 3))
                .expectException(CommandRejectedException.class);
    }

    @Test
    void cancellingARunningRunEndsItOnceItsKernelStopped() {
        fixture.given(requested(), STARTED)
                .when(new CancelRun(RUN, "wrong parameters", "bob"))
                .expectEvents(new RunCancellationRequested(RUN, "wrong parameters", "bob"));
        fixture.given(requested(), STARTED, new RunCancellationRequested(RUN, "wrong parameters", "bob"))
                .when(new CancelRun(RUN, "again", "bob"))
                .expectNoEvents();
        fixture.given(requested(), STARTED, new RunCancellationRequested(RUN, "wrong parameters", "bob"))
                .when(new EndRun(RUN, null, "out", "cancelled"))
                .expectEvents(new RunCancelled(RUN, "cancelled", null, "out"));
        fixture.given(requested())
                .when(new CancelRun(RUN, "not needed", "bob"))
                .expectEvents(new RunCancelled(RUN, "not needed", "bob", null));
    }

    @Test
    void eventsSurviveQuiresSerializer() throws Exception {
        RunRequested event = new RunRequested(RUN, SOURCE, params(), List.of("token"),
                new RunSettings("python3", Duration.ofSeconds(30), Duration.ofMinutes(5), true, "/tmp"),
                RunTrigger.SCHEDULE, "s-1", null, "ann");
        var json = QuireJson.newObjectMapper();
        assertThat(json.readValue(json.writeValueAsBytes(event), RunRequested.class)).isEqualTo(event);
        RunFailed failed = new RunFailed(RUN, new RunFailure(RunFailure.Kind.CELL_TIMEOUT, "c", 1, 3, null, null, "m"), "o");
        assertThat(json.readValue(json.writeValueAsBytes(failed), RunFailed.class)).isEqualTo(failed);
    }
}
