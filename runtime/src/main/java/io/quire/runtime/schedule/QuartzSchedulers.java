package io.quire.runtime.schedule;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;

import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

/** Builds the Quartz scheduler of a node, for either store, with {@link LaunchScheduledRun} as its only job. */
final class QuartzSchedulers {

    private static final Object CREATION = new Object();

    private QuartzSchedulers() {
    }

    static Scheduler inMemory(ScheduledRuns runs) {
        String nodeId = "local-" + UUID.randomUUID().toString().substring(0, 8);
        return create(QuartzProperties.inMemory(nodeId), runs);
    }

    /** A clustered scheduler over {@code pool}, which Quartz closes when the scheduler shuts down. */
    static Scheduler clustered(PostgresTriggerStore store, String nodeId, HikariDataSource pool, ScheduledRuns runs) {
        try {
            QuartzTables.createIfMissing(pool, store.schema());
        } catch (SQLException e) {
            throw new ScheduleTriggerException("cannot create Quartz's tables in schema " + store.schema() + " of "
                    + store + ": " + e.getMessage() + "; the user needs CREATE rights there", e);
        }
        // Quartz finds connection providers by name in a JVM-wide registry: one name per node instance.
        String dataSource = "quire-quartz-" + nodeId + "-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSource, new PooledConnections(pool));
        return create(QuartzProperties.clustered(nodeId, dataSource, store.schema()), runs);
    }

    /**
     * A HikariCP pool for the clustered store.
     *
     * @throws ScheduleTriggerException when the database cannot be reached, saying what to check
     */
    static HikariDataSource openPool(PostgresTriggerStore store, String nodeId) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("quire-quartz-" + nodeId);
        config.setJdbcUrl(store.jdbcUrl());
        config.setUsername(store.user());
        config.setPassword(store.password());
        // Workers, the scheduler thread, the misfire handler and the cluster manager may each hold one.
        config.setMaximumPoolSize(QuartzProperties.THREADS + 4);
        // Fail at start-up, with the driver's reason, rather than at the first firing.
        config.setInitializationFailTimeout(1);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new ScheduleTriggerException("cannot reach the trigger store " + store + ": " + rootMessage(e)
                    + "; check the URL, that PostgreSQL runs, and the user and password", e);
        }
    }

    private static Scheduler create(Properties properties, ScheduledRuns runs) {
        try {
            Scheduler scheduler;
            synchronized (CREATION) {
                scheduler = new StdSchedulerFactory(properties).getScheduler();
                // Quartz keeps one scheduler per name and JVM; every node must use the same name, and a JVM may hold
                // several nodes (tests), so this one is not left in Quartz's registry.
                SchedulerRepository.getInstance().remove(QuartzProperties.SCHEDULER_NAME);
            }
            scheduler.setJobFactory((bundle, owner) -> new LaunchScheduledRun(runs));
            return scheduler;
        } catch (SchedulerException e) {
            throw new ScheduleTriggerException("cannot set up Quartz: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
