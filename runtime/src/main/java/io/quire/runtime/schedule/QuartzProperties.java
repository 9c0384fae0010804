package io.quire.runtime.schedule;

import java.util.Properties;

/**
 * Quartz's configuration for Quire, tuned for a short delay between a fire time and the launcher call:
 * <ul>
 *   <li>{@value #THREADS} worker threads: a firing only asks for a run, the run itself happens elsewhere;</li>
 *   <li>idle wait {@value #IDLE_WAIT_MS} ms (Quartz's minimum): how long an idle node waits before looking for
 *       triggers added by another node; triggers added on this node wake it at once;</li>
 *   <li>batch acquisition of up to {@value #THREADS} triggers due at the same instant, with no fire-ahead window,
 *       so schedules sharing a cron fire together and none fires early;</li>
 *   <li>misfire threshold {@value #MISFIRE_THRESHOLD_MS} ms: a trigger more than this late (downtime, paused
 *       scheduler) is handled by its misfire policy rather than fired late;</li>
 *   <li>no update check (Quartz 2.5 has none; the property also keeps older versions quiet).</li>
 * </ul>
 */
final class QuartzProperties {

    /** Quartz's scheduler name, the same on every node of a cluster (its tables are keyed by it). */
    static final String SCHEDULER_NAME = "quire-schedules";
    static final int THREADS = 4;
    static final long IDLE_WAIT_MS = 1000;
    static final long MISFIRE_THRESHOLD_MS = 1000;
    /** How often a clustered node checks in; a node silent for this plus 7.5 s is recovered by the others. */
    static final long CLUSTER_CHECKIN_MS = 2000;

    private QuartzProperties() {
    }

    /** An in-memory scheduler: its triggers are forgotten when the node stops. */
    static Properties inMemory(String nodeId) {
        Properties properties = common(nodeId);
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(MISFIRE_THRESHOLD_MS));
        return properties;
    }

    /**
     * A clustered scheduler on PostgreSQL, through the connection provider registered as {@code dataSource}.
     * Triggers are acquired under the cluster lock, which Quartz requires when it acquires them in batches.
     */
    static Properties clustered(String nodeId, String dataSource, String schema) {
        Properties properties = common(nodeId);
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass",
                "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", dataSource);
        properties.setProperty("org.quartz.jobStore.tablePrefix", schema + ".qrtz_");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(CLUSTER_CHECKIN_MS));
        properties.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(MISFIRE_THRESHOLD_MS));
        properties.setProperty("org.quartz.jobStore.useProperties", "true");
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return properties;
    }

    private static Properties common(String nodeId) {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        properties.setProperty("org.quartz.scheduler.instanceId", nodeId);
        properties.setProperty("org.quartz.scheduler.threadName", "quire-schedules-" + nodeId);
        properties.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.scheduler.idleWaitTime", Long.toString(IDLE_WAIT_MS));
        properties.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(THREADS));
        properties.setProperty("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow", "0");
        properties.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(THREADS));
        properties.setProperty("org.quartz.threadPool.threadNamePrefix", "quire-schedule-" + nodeId + "-");
        properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        return properties;
    }
}
