package io.quire.runtime.schedule;

import com.zaxxer.hikari.HikariDataSource;
import io.quire.domain.CommandRejectedException;
import io.quire.domain.schedule.ScheduleDefinition;
import io.quire.domain.schedule.ScheduleDefinitionCheck;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fires schedules on their cron, through Quartz, and hands each firing to a {@link RunLauncher} (see
 * {@link ScheduledRuns} for the concurrency limit and retries).
 *
 * <p>Two stores: {@link #inMemory} (Quartz's RAMJobStore: one node, triggers forgotten at shutdown) and
 * {@link #clustered} (Quartz's clustered JDBC store on PostgreSQL: any number of nodes share the triggers, each
 * fire time is launched by one node, and fire times missed while every node was down follow the schedule's
 * misfire policy). Every change is idempotent: on start, put every schedule of the read model (and
 * {@link #retainOnly} their ids); both stores then end in the same state, and the clustered store keeps each
 * unchanged trigger, with its pending misfires.
 *
 * <p>Paused schedules keep their job (marked paused) but have no cron trigger, and pending retries are dropped
 * (a retry scheduled later by a run that ends while paused is skipped): resuming starts from the next fire time
 * after now, without catching up on what was missed while paused.
 *
 * <p>Threads: every method may be called from any thread; changes on one node are serialised.
 */
public final class ScheduleTriggers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleTriggers.class);

    private final Scheduler scheduler;
    private final HikariDataSource pool;

    private ScheduleTriggers(Scheduler scheduler, HikariDataSource pool) {
        this.scheduler = scheduler;
        this.pool = pool;
    }

    /**
     * Triggers kept in memory by this node alone. Call {@link #start()} to begin firing.
     *
     * @throws ScheduleTriggerException when Quartz cannot be set up
     */
    public static ScheduleTriggers inMemory(RunLauncher launcher, ScheduleListener listener) {
        return new ScheduleTriggers(QuartzSchedulers.inMemory(new ScheduledRuns(launcher, listener)), null);
    }

    /**
     * Triggers shared by every node using {@code store}, whose Quartz tables are created when missing.
     * Call {@link #start()} to begin firing.
     *
     * @param nodeId unique per node and stable across its restarts (e.g. the host or pod name), 1 to 100 letters,
     *               digits, '-', '_' or '.'
     * @throws IllegalArgumentException  when the node id is not usable
     * @throws ScheduleTriggerException when the database cannot be reached or the tables cannot be created
     */
    public static ScheduleTriggers clustered(PostgresTriggerStore store, String nodeId, RunLauncher launcher,
                                             ScheduleListener listener) {
        if (nodeId == null || !nodeId.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("'" + nodeId + "' cannot name a node: use 1 to 100 letters, digits,"
                    + " '-', '_' or '.', unique per node, e.g. the host name");
        }
        HikariDataSource pool = QuartzSchedulers.openPool(store, nodeId);
        try {
            return new ScheduleTriggers(QuartzSchedulers.clustered(store, nodeId, pool,
                    new ScheduledRuns(launcher, listener)), pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Starts firing (and, on the clustered store, recovering misfires and failed nodes' work). */
    public void start() {
        call("start the schedule triggers", () -> {
            scheduler.start();
            return null;
        });
    }

    /**
     * Makes the schedule fire as {@code definition} says, or not at all when {@code paused}. A trigger whose cron,
     * time zone and misfire policy are unchanged is kept as it is (so a re-put changes nothing); otherwise it is
     * replaced by one that starts now. The rest of the definition is used from the next firing.
     *
     * @throws IllegalArgumentException when the definition is not valid, with what to change
     */
    public synchronized void put(String scheduleId, ScheduleDefinition definition, boolean paused) {
        try {
            ScheduleDefinitionCheck.check(definition);
        } catch (CommandRejectedException e) {
            throw new IllegalArgumentException("schedule " + scheduleId + ": " + e.getMessage(), e);
        }
        call("put schedule " + scheduleId, () -> {
            scheduler.addJob(ScheduleJobs.jobFor(scheduleId, definition, paused), true);
            if (paused) {
                unscheduleAll(scheduleId);
                return null;
            }
            Trigger existing = scheduler.getTrigger(ScheduleJobs.cron(scheduleId));
            if (existing == null || !ScheduleJobs.sameTiming(existing, scheduleId, definition)) {
                schedule(scheduleId, definition, existing);
            }
            return null;
        });
    }

    /** Installs a fresh cron trigger in place of {@code existing} (or none). */
    private void schedule(String scheduleId, ScheduleDefinition definition, Trigger existing)
            throws SchedulerException {
        Trigger wanted = ScheduleJobs.cronFor(scheduleId, definition);
        if (wanted.getFireTimeAfter(new Date()) == null) {
            // e.g. a cron with a year that has passed: Quartz refuses a trigger that never fires
            LOG.info("schedule {} ('{}') has no fire time left after {}: it will not fire", scheduleId,
                    definition.name(), Instant.now());
            if (existing != null) {
                scheduler.unscheduleJob(existing.getKey());
            }
            return;
        }
        if (existing != null) {
            scheduler.rescheduleJob(existing.getKey(), wanted);
            return;
        }
        try {
            scheduler.scheduleJob(wanted);
        } catch (ObjectAlreadyExistsException e) {
            // another node put it meanwhile: keep theirs unless the timing differs
            Trigger theirs = scheduler.getTrigger(ScheduleJobs.cron(scheduleId));
            if (theirs != null && !ScheduleJobs.sameTiming(theirs, scheduleId, definition)) {
                scheduler.rescheduleJob(theirs.getKey(), wanted);
            }
        }
    }

    /**
     * Stops the schedule's firings and drops its pending retries.
     *
     * @return false when there is no such schedule
     */
    public synchronized boolean pause(String scheduleId) {
        return call("pause schedule " + scheduleId, () -> {
            JobDetail job = scheduler.getJobDetail(ScheduleJobs.job(scheduleId));
            if (job == null) {
                return false;
            }
            scheduler.addJob(ScheduleJobs.jobFor(scheduleId, ScheduleJobs.definition(job.getJobDataMap()), true), true);
            unscheduleAll(scheduleId);
            return true;
        });
    }

    /**
     * Lets a paused schedule fire again from its next fire time after now; does nothing to an active one.
     *
     * @return false when there is no such schedule
     */
    public synchronized boolean resume(String scheduleId) {
        return call("resume schedule " + scheduleId, () -> {
            JobDetail job = scheduler.getJobDetail(ScheduleJobs.job(scheduleId));
            if (job == null) {
                return false;
            }
            ScheduleDefinition definition = ScheduleJobs.definition(job.getJobDataMap());
            if (ScheduleJobs.paused(job.getJobDataMap())) {
                scheduler.addJob(ScheduleJobs.jobFor(scheduleId, definition, false), true);
            }
            if (!scheduler.checkExists(ScheduleJobs.cron(scheduleId))) {
                schedule(scheduleId, definition, null);
            }
            return true;
        });
    }

    /**
     * Removes the schedule, its trigger and its pending retries; runs already launched go on.
     *
     * @return false when there was no such schedule
     */
    public synchronized boolean remove(String scheduleId) {
        return call("remove schedule " + scheduleId, () -> scheduler.deleteJob(ScheduleJobs.job(scheduleId)));
    }

    /** Removes every schedule not in {@code scheduleIds}: after a re-sync, those deleted while this node was down. */
    public synchronized void retainOnly(Set<String> scheduleIds) {
        for (String scheduleId : scheduleIds()) {
            if (!scheduleIds.contains(scheduleId)) {
                remove(scheduleId);
            }
        }
    }

    /** The ids of every schedule put and not removed, paused ones included, sorted. */
    public Set<String> scheduleIds() {
        return call("list the schedules", () -> {
            Set<String> ids = new TreeSet<>();
            for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(ScheduleJobs.JOBS))) {
                ids.add(key.getName());
            }
            return ids;
        });
    }

    /** When the schedule fires next; empty when it is paused, unknown, or has no fire time left. */
    public Optional<Instant> nextFireTime(String scheduleId) {
        return call("read schedule " + scheduleId, () -> {
            Trigger trigger = scheduler.getTrigger(ScheduleJobs.cron(scheduleId));
            return trigger == null || trigger.getNextFireTime() == null ? Optional.<Instant>empty()
                    : Optional.of(trigger.getNextFireTime().toInstant());
        });
    }

    /**
     * Stops firing, waits for firings in progress (they only call the launcher), and releases the database
     * connections. Launched runs are not affected; their retries are not scheduled any more.
     */
    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            throw new ScheduleTriggerException("cannot stop the schedule triggers: " + e.getMessage(), e);
        } finally {
            if (pool != null) {
                pool.close();
            }
        }
    }

    /** The schedule's cron trigger, or null: for tests that tell a kept trigger from a replaced one. */
    Trigger cronTrigger(String scheduleId) {
        return call("read schedule " + scheduleId, () -> scheduler.getTrigger(ScheduleJobs.cron(scheduleId)));
    }

    private void unscheduleAll(String scheduleId) throws SchedulerException {
        List<TriggerKey> keys = scheduler.getTriggersOfJob(ScheduleJobs.job(scheduleId)).stream()
                .map(Trigger::getKey).toList();
        scheduler.unscheduleJobs(keys);
    }

    private <T> T call(String what, QuartzCall<T> call) {
        try {
            return call.run();
        } catch (SchedulerException e) {
            throw new ScheduleTriggerException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface QuartzCall<T> {
        T run() throws SchedulerException;
    }
}
