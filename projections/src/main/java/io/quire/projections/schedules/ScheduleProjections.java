package io.quire.projections.schedules;

import io.quire.projections.TrackingProcessors;
import io.quire.projections.jdbc.Sql;
import io.quire.projections.rebuild.BulkReplay;
import io.quire.projections.rebuild.HandlerReplay;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;

/**
 * The schedules read model, its table, and its registration as a tracking processor of its own
 * ({@value #GROUP}), whose token lives in the same database as the events: a restart resumes where it stopped, and
 * a rebuild ({@link #dropTables()}, reset the {@value #GROUP} token, start) replays every schedule event.
 *
 * <p>In the composition root, after the token store is registered:
 * <pre>{@code
 * ScheduleProjections schedules = new ScheduleProjections(database.connectionProvider());
 * schedules.createTables();
 * schedules.registerWith(configurer, true);
 * }</pre>
 */
public class ScheduleProjections {

    /** The processing group, and so the token name, of the schedule projection. */
    public static final String GROUP = "schedules";

    /** Schedule events are rare; a batch still commits many of them with one token update during a rebuild. */
    private static final int BATCH_SIZE = 100;

    private final Schedules schedules;

    /** @param connections the event database's connection provider, so rows commit with the processor's token */
    public ScheduleProjections(ConnectionProvider connections) {
        this.schedules = new Schedules(new Sql(connections));
    }

    /** The read model: list and look up schedules. */
    public Schedules schedules() {
        return schedules;
    }

    /** Creates the read model table when missing. */
    public void createTables() {
        schedules.createTables();
    }

    /** Drops the read model table, so that a replay from the first event rebuilds it. */
    public void dropTables() {
        schedules.dropTables();
    }

    /** This group's share of a {@code ReadModelRebuild}: its handlers called straight, into fresh tables. */
    public BulkReplay bulkReplay() {
        return new HandlerReplay(GROUP, new ScheduleProjection(schedules));
    }

    /**
     * Registers the projection and its tracking processor; the caller registers the token store. A failing handler
     * stops the batch (and retries it) rather than skipping an event: a missing schedule would never fire.
     */
    public void registerWith(Configurer configurer, boolean autoStart) {
        configurer.registerEventHandler(c -> new ScheduleProjection(schedules));
        configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(GROUP, c -> c.eventStore(),
                        c -> TrackingProcessors.singleThreaded(BATCH_SIZE, autoStart))
                .registerListenerInvocationErrorHandler(GROUP, c -> PropagatingErrorHandler.instance()));
    }
}
