package io.quire.domain.schedule;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.quire.domain.CommandRejectedException;
import io.quire.domain.schedule.command.*;
import io.quire.domain.schedule.event.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A schedule: runs a notebook on a cron, as its {@link ScheduleDefinition} says. Command handlers check and decide;
 * event-sourcing handlers only assign. A deleted schedule refuses every command: create a new one instead.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Schedule {

    @AggregateIdentifier
    private String scheduleId;
    private ScheduleDefinition definition;
    private boolean paused;
    private boolean deleted;

    protected Schedule() {
        // for Axon and snapshots
    }

    @CommandHandler
    public Schedule(CreateSchedule command) {
        requireUser(command.user());
        requireId(command.scheduleId());
        ScheduleDefinitionCheck.check(command.definition());
        apply(new ScheduleCreated(command.scheduleId(), command.definition(), command.user()));
    }

    @CommandHandler
    public void handle(UpdateSchedule command) {
        requireLive(command.user());
        ScheduleDefinitionCheck.check(command.definition());
        if (!command.definition().equals(definition)) {
            apply(new ScheduleUpdated(scheduleId, command.definition(), command.user()));
        }
    }

    @CommandHandler
    public void handle(PauseSchedule command) {
        requireLive(command.user());
        if (paused) {
            throw CommandRejectedException.conflict(describe() + " is already paused: resume it to let it fire again");
        }
        apply(new SchedulePaused(scheduleId, command.user()));
    }

    @CommandHandler
    public void handle(ResumeSchedule command) {
        requireLive(command.user());
        if (!paused) {
            throw CommandRejectedException.conflict(describe() + " is not paused: there is nothing to resume");
        }
        apply(new ScheduleResumed(scheduleId, command.user()));
    }

    @CommandHandler
    public void handle(DeleteSchedule command) {
        requireLive(command.user());
        apply(new ScheduleDeleted(scheduleId, command.user()));
    }

    @EventSourcingHandler
    void on(ScheduleCreated event) {
        scheduleId = event.scheduleId();
        definition = event.definition();
    }

    @EventSourcingHandler
    void on(ScheduleUpdated event) {
        definition = event.definition();
    }

    @EventSourcingHandler
    void on(SchedulePaused event) {
        paused = true;
    }

    @EventSourcingHandler
    void on(ScheduleResumed event) {
        paused = false;
    }

    @EventSourcingHandler
    void on(ScheduleDeleted event) {
        deleted = true;
    }

    // ---- checks ----

    private void requireLive(String user) {
        requireUser(user);
        if (deleted) {
            throw CommandRejectedException.notFound(describe() + " was deleted and accepts no changes: create a new"
                    + " schedule instead");
        }
    }

    private String describe() {
        return "schedule '" + definition.name() + "' (" + scheduleId + ")";
    }

    private static void requireId(String scheduleId) {
        if (scheduleId == null || scheduleId.isBlank() || scheduleId.length() > 64) {
            throw CommandRejectedException.invalid("a schedule id must have 1 to 64 characters, got '" + scheduleId
                    + "'");
        }
    }

    private static void requireUser(String user) {
        if (user == null || user.isBlank()) {
            throw CommandRejectedException.invalid("every change must name the user who makes it");
        }
    }
}
