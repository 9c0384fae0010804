package io.quire.projections.schedules;

import io.quire.domain.schedule.ScheduleDefinition;

import java.time.Instant;

/**
 * A schedule as users list it.
 *
 * @param scheduleId the schedule
 * @param definition what it runs and when, as last set
 * @param paused     whether it is paused (a paused schedule does not fire)
 * @param createdBy  who created it
 * @param createdAt  when it was created
 * @param updatedBy  who changed it last (its definition or its paused state)
 * @param updatedAt  when it was changed last
 */
public record ScheduleView(String scheduleId, ScheduleDefinition definition, boolean paused, String createdBy,
                           Instant createdAt, String updatedBy, Instant updatedAt) {
}
