package io.quire.domain.schedule;

import io.quire.domain.CommandRejectedException;
import io.quire.domain.schedule.command.*;
import io.quire.domain.schedule.event.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.Predicate;

import static org.hamcrest.Matchers.containsString;

class ScheduleTest {

    private static final String ID = "sched-1";
    private AggregateTestFixture<Schedule> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Schedule.class);
    }

    private static ScheduleCreated created() {
        return new ScheduleCreated(ID, Definitions.nightly(), "ann");
    }

    private static Predicate<Throwable> reason(CommandRejectedException.Reason reason) {
        return e -> e instanceof CommandRejectedException rejected && rejected.reason() == reason;
    }

    private static org.hamcrest.Matcher<?> rejectedFor(CommandRejectedException.Reason reason) {
        return Matchers.predicate(reason(reason));
    }

    @Test
    void createsAnActiveSchedule() {
        fixture.givenNoPriorActivity()
                .when(new CreateSchedule(ID, Definitions.nightly(), "ann"))
                .expectEvents(new ScheduleCreated(ID, Definitions.nightly(), "ann"));
    }

    @Test
    void refusesAnInvalidCronWithQuartzsReason() {
        fixture.givenNoPriorActivity()
                .when(new CreateSchedule(ID, Definitions.withCron("61 * * * * ?"), "ann"))
                .expectException(rejectedFor(CommandRejectedException.Reason.INVALID))
                .expectExceptionMessage(containsString("cron '61 * * * * ?' is not a valid Quartz cron expression: "))
                .expectNoEvents();
    }

    @Test
    void refusesAChangeWithoutAUserOrId() {
        fixture.givenNoPriorActivity()
                .when(new CreateSchedule(ID, Definitions.nightly(), " "))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("user"));
        fixture.givenNoPriorActivity()
                .when(new CreateSchedule("", Definitions.nightly(), "ann"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("schedule id"));
        fixture.given(created())
                .when(new PauseSchedule(ID, null))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(containsString("user"));
    }

    @Test
    void updatesTheDefinitionAndIgnoresAnUnchangedOne() {
        ScheduleDefinition hourly = Definitions.withCron("0 0 * * * ?");
        fixture.given(created())
                .when(new UpdateSchedule(ID, hourly, "bob"))
                .expectEvents(new ScheduleUpdated(ID, hourly, "bob"));
        fixture.given(created())
                .when(new UpdateSchedule(ID, Definitions.nightly(), "bob"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAnInvalidUpdate() {
        fixture.given(created())
                .when(new UpdateSchedule(ID, Definitions.withLimits(0, 0, null, null), "bob"))
                .expectException(rejectedFor(CommandRejectedException.Reason.INVALID))
                .expectExceptionMessage(containsString("max concurrent runs is 0"))
                .expectNoEvents();
    }

    @Test
    void pausesAndResumes() {
        fixture.given(created())
                .when(new PauseSchedule(ID, "bob"))
                .expectEvents(new SchedulePaused(ID, "bob"));
        fixture.given(created(), new SchedulePaused(ID, "bob"))
                .when(new ResumeSchedule(ID, "ann"))
                .expectEvents(new ScheduleResumed(ID, "ann"));
    }

    @Test
    void pausingAPausedScheduleIsAConflict() {
        fixture.given(created(), new SchedulePaused(ID, "bob"))
                .when(new PauseSchedule(ID, "ann"))
                .expectException(rejectedFor(CommandRejectedException.Reason.CONFLICT))
                .expectExceptionMessage(containsString("schedule 'nightly report' (sched-1) is already paused"))
                .expectNoEvents();
    }

    @Test
    void resumingAnActiveScheduleIsAConflict() {
        fixture.given(created(), new SchedulePaused(ID, "bob"), new ScheduleResumed(ID, "bob"))
                .when(new ResumeSchedule(ID, "ann"))
                .expectException(rejectedFor(CommandRejectedException.Reason.CONFLICT))
                .expectExceptionMessage(containsString("is not paused"))
                .expectNoEvents();
    }

    @Test
    void deletes() {
        fixture.given(created(), new SchedulePaused(ID, "bob"))
                .when(new DeleteSchedule(ID, "ann"))
                .expectEvents(new ScheduleDeleted(ID, "ann"));
    }

    @Test
    void aDeletedScheduleRefusesEveryCommand() {
        Object[] commands = {
                new UpdateSchedule(ID, Definitions.withCron("0 0 * * * ?"), "bob"),
                new PauseSchedule(ID, "bob"),
                new ResumeSchedule(ID, "bob"),
                new DeleteSchedule(ID, "bob")};
        for (Object command : commands) {
            fixture.given(created(), new ScheduleDeleted(ID, "ann"))
                    .when(command)
                    .expectException(rejectedFor(CommandRejectedException.Reason.NOT_FOUND))
                    .expectExceptionMessage(containsString("was deleted and accepts no changes: create a new schedule"))
                    .expectNoEvents();
        }
    }

    @Test
    void commandsOnAScheduleThatNeverExistedFail() {
        fixture.givenNoPriorActivity()
                .when(new PauseSchedule(ID, "bob"))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }

    @Test
    void refusesAPinnedPolicyWithoutAVersion() {
        fixture.givenNoPriorActivity()
                .when(new CreateSchedule(ID, Definitions.withVersionPolicy(new VersionPolicy(VersionPolicy.Kind.PINNED,
                        null)), "ann"))
                .expectException(rejectedFor(CommandRejectedException.Reason.INVALID))
                .expectExceptionMessage(containsString("pinned version policy needs the version"));
        fixture.givenNoPriorActivity()
                .when(new CreateSchedule(ID, Definitions.withVersionPolicy(VersionPolicy.pinned(7)), "ann"))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(new CreateSchedule(ID, Definitions.withLimits(2, 3, Duration.ofSeconds(5), null), "ann"))
                .expectSuccessfulHandlerExecution();
    }
}
