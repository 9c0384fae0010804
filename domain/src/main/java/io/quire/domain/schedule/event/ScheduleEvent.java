package io.quire.domain.schedule.event;

/** Something that happened to a schedule: every event names its schedule and the user who caused it. */
public interface ScheduleEvent {

    String scheduleId();

    /** The user who caused this event; when it happened is the event message's timestamp. */
    String user();
}
