package io.quire.runtime.schedule;

import io.quire.domain.schedule.ScheduleDefinition;

import java.time.Instant;

/**
 * One firing of a schedule: what to run, and when.
 *
 * @param scheduleId   the schedule
 * @param definition   its definition at the time it fired
 * @param scheduledFor the cron instant this run is for; retries keep the instant of the firing they retry, so
 *                     (scheduleId, scheduledFor) names one scheduled run across its attempts. After downtime with
 *                     RUN_ONCE it is the moment the missed firing was caught up.
 * @param firedAt      when this node handled the firing, just before the concurrency check and the launch
 * @param attempt      1 for the cron firing, 2 for its first retry, and so on
 */
public record ScheduleFiring(String scheduleId, ScheduleDefinition definition, Instant scheduledFor, Instant firedAt,
                             int attempt) {
}
