package io.quire.gateway.schedules;

import io.quire.gateway.Quire;
import io.quire.gateway.runs.Runs;
import io.quire.projections.schedules.ScheduleView;
import io.quire.runtime.schedule.PostgresTriggerStore;
import io.quire.runtime.schedule.ScheduleTriggers;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fires the schedules of a serving node: on the embedded store, Quartz in memory (the schedules come back from
 * their events at every start); on PostgreSQL, Quartz's clustered store in schema {@value #SCHEMA}, shared by
 * every node, so each fire time starts one run across the cluster.
 */
public final class Scheduling implements AutoCloseable {

    /** The schema of Quartz's tables on PostgreSQL. */
    public static final String SCHEMA = "quire_quartz";

    private final Quire quire;
    private final ScheduleTriggers triggers;

    private Scheduling(Quire quire, ScheduleTriggers triggers) {
        this.quire = quire;
        this.triggers = triggers;
    }

    /**
     * Creates the triggers of every schedule and starts firing them.
     *
     * @param nodeId this node's name in a cluster (stable across restarts), or null for {@code $QUIRE_NODE_ID}
     *               or the host name
     */
    public static Scheduling start(Quire quire, String nodeId) throws Exception {
        ScheduledRunLauncher launcher = new ScheduledRunLauncher(quire, new Runs(quire));
        String database = quire.settings().databaseUrl();
        ScheduleTriggers triggers = database == null
                ? ScheduleTriggers.inMemory(launcher, new ScheduleLog())
                : ScheduleTriggers.clustered(new PostgresTriggerStore(database, null, null, SCHEMA),
                nodeId != null ? nodeId : defaultNodeId(), launcher, new ScheduleLog());
        Scheduling scheduling = new Scheduling(quire, triggers);
        try {
            scheduling.sync();
            triggers.start();
            return scheduling;
        } catch (Exception e) {
            triggers.close();
            throw e;
        }
    }

    /** Puts every schedule of the read model, and only those, into the triggers. */
    void sync() throws Exception {
        quire.awaitProjections(Duration.ofSeconds(60));
        List<ScheduleView> all = quire.scheduleProjections().schedules().all();
        for (ScheduleView schedule : all) {
            triggers.put(schedule.scheduleId(), schedule.definition(), schedule.paused());
        }
        Set<String> ids = all.stream().map(ScheduleView::scheduleId).collect(Collectors.toSet());
        triggers.retainOnly(ids);
    }

    ScheduleTriggers triggers() {
        return triggers;
    }

    @Override
    public void close() {
        triggers.close();
    }

    private static String defaultNodeId() {
        String configured = System.getenv("QUIRE_NODE_ID");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
        } catch (UnknownHostException e) {
            return "quire-node";
        }
    }
}
