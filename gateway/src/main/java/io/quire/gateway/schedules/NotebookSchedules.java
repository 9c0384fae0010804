package io.quire.gateway.schedules;

import io.quire.domain.CommandRejectedException;
import io.quire.domain.schedule.ScheduleDefinition;
import io.quire.domain.schedule.command.CreateSchedule;
import io.quire.domain.schedule.command.DeleteSchedule;
import io.quire.domain.schedule.command.PauseSchedule;
import io.quire.domain.schedule.command.ResumeSchedule;
import io.quire.domain.schedule.command.UpdateSchedule;
import io.quire.gateway.Quire;
import io.quire.gateway.notebook.Notebooks;
import io.quire.projections.schedules.ScheduleView;

import org.axonframework.modelling.command.AggregateNotFoundException;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * What users do with schedules: create one for a notebook, change, pause, resume or delete it, list them. Each
 * change is a command on the Schedule aggregate; on a serving node the triggers follow at once (and any node
 * re-reads every schedule when it starts). Blocking: call it from a worker thread.
 */
public final class NotebookSchedules {

    private final Quire quire;
    private final Notebooks notebooks;
    private final Scheduling scheduling;

    /** @param scheduling the serving node's triggers, or null in a process that fires nothing (the CLI) */
    public NotebookSchedules(Quire quire, Scheduling scheduling) {
        this.quire = quire;
        this.notebooks = new Notebooks(quire);
        this.scheduling = scheduling;
    }

    /** The notebook id of {@code path}, for a new definition. */
    public String notebookIdOf(String path) {
        return notebooks.idOf(path);
    }

    /** @throws CommandRejectedException when the definition is not valid (cron, zone, limits) */
    public ScheduleView create(ScheduleDefinition definition, String user) {
        String scheduleId = UUID.randomUUID().toString();
        quire.commands().sendAndWait(new CreateSchedule(scheduleId, definition, user));
        return changed(scheduleId);
    }

    public ScheduleView update(String scheduleId, ScheduleDefinition definition, String user) {
        send(scheduleId, new UpdateSchedule(scheduleId, definition, user));
        return changed(scheduleId);
    }

    public ScheduleView pause(String scheduleId, String user) {
        send(scheduleId, new PauseSchedule(scheduleId, user));
        return changed(scheduleId);
    }

    public ScheduleView resume(String scheduleId, String user) {
        send(scheduleId, new ResumeSchedule(scheduleId, user));
        return changed(scheduleId);
    }

    public void delete(String scheduleId, String user) {
        send(scheduleId, new DeleteSchedule(scheduleId, user));
        caughtUp();
        if (scheduling != null) {
            scheduling.triggers().remove(scheduleId);
        }
    }

    public List<ScheduleView> all() {
        caughtUp();
        return quire.scheduleProjections().schedules().all();
    }

    public ScheduleView get(String scheduleId) {
        caughtUp();
        return quire.scheduleProjections().schedules().find(scheduleId).orElseThrow(() ->
                CommandRejectedException.notFound("no schedule " + scheduleId + " (quire schedule ls lists them)"));
    }

    private void send(String scheduleId, Object command) {
        try {
            quire.commands().sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw CommandRejectedException.notFound("no schedule " + scheduleId + " (quire schedule ls lists them)");
        }
    }

    private ScheduleView changed(String scheduleId) {
        ScheduleView view = get(scheduleId);
        if (scheduling != null) {
            scheduling.triggers().put(scheduleId, view.definition(), view.paused());
        }
        return view;
    }

    private void caughtUp() {
        try {
            quire.awaitProjections(Duration.ofSeconds(60));
        } catch (TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
