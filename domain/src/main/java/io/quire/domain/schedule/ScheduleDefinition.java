package io.quire.domain.schedule;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.ZoneId;

/**
 * What a schedule runs and when: everything a user sets on a schedule. A plain value, checked by
 * {@link ScheduleDefinitionCheck} when a command brings it; reading a stored event never rejects one.
 *
 * @param notebookId        the notebook to run
 * @param name              what people call the schedule, e.g. "nightly sales report"
 * @param cron              a Quartz cron expression: seconds, minutes, hours, day of month, month, day of week
 *                          and an optional year, e.g. {@code "0 0 6 * * ?"} for 06:00 every day
 * @param timeZone          the zone the cron expression is read in
 * @param parameters        the parameters injected into the run (papermill style), a JSON object
 * @param kernelName        the kernel to run with, or null for the notebook's own kernel
 * @param versionPolicy     which version of the notebook runs
 * @param misfirePolicy     what to do about fire times missed during downtime
 * @param maxConcurrentRuns at least 1: a firing while this many runs are still going is skipped
 * @param retries           at least 0: how many times a failed run is tried again
 * @param retryBackoff      the wait before the first retry; each further retry waits twice as long
 * @param runTimeout        the longest a whole run may take, or null for no limit
 * @param cellTimeout       the longest one cell may take, or null for no limit
 */
public record ScheduleDefinition(String notebookId, String name, String cron, ZoneId timeZone, ObjectNode parameters,
                                 String kernelName, VersionPolicy versionPolicy, MisfirePolicy misfirePolicy,
                                 int maxConcurrentRuns, int retries, Duration retryBackoff, Duration runTimeout,
                                 Duration cellTimeout) {

    /** The wait before retry number {@code attempt - 1}, i.e. after attempt {@code attempt} failed: doubling. */
    public Duration backoffAfter(int attempt) {
        return retryBackoff.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 30));
    }
}
