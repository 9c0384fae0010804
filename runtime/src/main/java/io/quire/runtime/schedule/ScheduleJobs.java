package io.quire.runtime.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.domain.schedule.MisfirePolicy;
import io.quire.domain.schedule.ScheduleDefinition;
import io.quire.domain.serialization.QuireJson;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.TimeZone;

/**
 * How a schedule is laid out in Quartz. One durable job per schedule (key = schedule id, group
 * {@value #JOBS}) holding the definition as JSON and whether it is paused; at most one cron trigger (group {@value #CRON}), absent while
 * the schedule is paused; one-shot retry triggers (group {@value #RETRIES}) carrying the attempt and the instant
 * they retry. Job data holds strings only, so the JDBC store keeps it as readable properties, not Java
 * serialization.
 */
final class ScheduleJobs {

    static final String JOBS = "quire-schedules";
    static final String CRON = "quire-cron";
    static final String RETRIES = "quire-retries";
    static final String DEFINITION = "definition";
    static final String PAUSED = "paused";
    static final String ATTEMPT = "attempt";
    static final String SCHEDULED_FOR = "scheduledFor";

    private static final ObjectMapper JSON = QuireJson.newObjectMapper();

    private ScheduleJobs() {
    }

    static JobKey job(String scheduleId) {
        return JobKey.jobKey(scheduleId, JOBS);
    }

    static TriggerKey cron(String scheduleId) {
        return TriggerKey.triggerKey(scheduleId, CRON);
    }

    static JobDetail jobFor(String scheduleId, ScheduleDefinition definition, boolean paused) {
        return JobBuilder.newJob(LaunchScheduledRun.class)
                .withIdentity(job(scheduleId))
                .withDescription(definition.name())
                .usingJobData(DEFINITION, write(definition))
                .usingJobData(PAUSED, Boolean.toString(paused))
                .storeDurably()
                .build();
    }

    /**
     * A cron trigger that starts with the next whole second: resuming or changing the timing never catches up on the
     * past. (Quartz rounds a cron trigger's start down to the second, so "now" would fire at once for the current,
     * already passed, second of an every-second cron.)
     */
    static CronTrigger cronFor(String scheduleId, ScheduleDefinition definition) {
        CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(definition.cron())
                .inTimeZone(TimeZone.getTimeZone(definition.timeZone()));
        cron = definition.misfirePolicy() == MisfirePolicy.RUN_ONCE
                ? cron.withMisfireHandlingInstructionFireAndProceed()
                : cron.withMisfireHandlingInstructionDoNothing();
        return TriggerBuilder.newTrigger()
                .withIdentity(cron(scheduleId))
                .forJob(job(scheduleId))
                .withSchedule(cron)
                .startAt(Date.from(Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1)))
                .build();
    }

    /** Whether {@code existing} fires at the times {@code definition} asks for, with the same misfire handling. */
    static boolean sameTiming(Trigger existing, String scheduleId, ScheduleDefinition definition) {
        CronTrigger wanted = cronFor(scheduleId, definition);
        return existing instanceof CronTrigger current
                && current.getCronExpression().equals(wanted.getCronExpression())
                && current.getTimeZone().getID().equals(wanted.getTimeZone().getID())
                && current.getMisfireInstruction() == wanted.getMisfireInstruction();
    }

    /** A one-shot trigger for attempt {@code attempt} of the run scheduled for {@code scheduledFor}. */
    static Trigger retryFor(String scheduleId, Instant scheduledFor, int attempt, Instant at) {
        return TriggerBuilder.newTrigger()
                .withIdentity(scheduleId + "@" + scheduledFor.toEpochMilli() + "#" + attempt, RETRIES)
                .forJob(job(scheduleId))
                .usingJobData(ATTEMPT, Integer.toString(attempt))
                .usingJobData(SCHEDULED_FOR, Long.toString(scheduledFor.toEpochMilli()))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .startAt(Date.from(at))
                .build();
    }

    static ScheduleDefinition definition(JobDataMap data) {
        try {
            return JSON.readValue(data.getString(DEFINITION), ScheduleDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored definition of a schedule cannot be read: " + e.getMessage(), e);
        }
    }

    static boolean paused(JobDataMap data) {
        return Boolean.parseBoolean(data.getString(PAUSED));
    }

    static int attempt(JobDataMap data) {
        return data.containsKey(ATTEMPT) ? Integer.parseInt(data.getString(ATTEMPT)) : 1;
    }

    /** The instant a retry retries, or null for a cron firing. */
    static Instant retriedInstant(JobDataMap data) {
        return data.containsKey(SCHEDULED_FOR) ? Instant.ofEpochMilli(Long.parseLong(data.getString(SCHEDULED_FOR)))
                : null;
    }

    private static String write(ScheduleDefinition definition) {
        try {
            return JSON.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("schedule '" + definition.name() + "' cannot be written as JSON: "
                    + e.getMessage(), e);
        }
    }
}
