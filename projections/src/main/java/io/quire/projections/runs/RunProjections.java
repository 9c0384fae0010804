package io.quire.projections.runs;

import io.quire.projections.TrackingProcessors;
import io.quire.projections.jdbc.Sql;
import io.quire.projections.rebuild.BulkReplay;
import io.quire.projections.rebuild.HandlerReplay;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;

/**
 * The run history read model, its table, and its own tracking processor (so that it rebuilds and resumes apart
 * from the notebook projections; its token lives in the same database).
 */
public class RunProjections {

    /** The processing group, and so the token name, of the run projections. */
    public static final String GROUP = "runs";

    private final RunHistory history;

    public RunProjections(ConnectionProvider connections) {
        this.history = new RunHistory(new Sql(connections));
    }

    public RunHistory history() {
        return history;
    }

    public void createTables() {
        history.createTables();
    }

    public void dropTables() {
        history.dropTables();
    }

    /** This group's share of a {@code ReadModelRebuild}: its handlers called straight, into fresh tables. */
    public BulkReplay bulkReplay() {
        return new HandlerReplay(GROUP, new RunHistoryProjection(history));
    }

    /** Registers the event handler and its processor; the caller registers the token store. */
    public void registerWith(Configurer configurer, boolean autoStart) {
        configurer.registerEventHandler(c -> new RunHistoryProjection(history));
        configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(GROUP, c -> c.eventStore(),
                        c -> TrackingProcessors.singleThreaded(100, autoStart))
                .registerListenerInvocationErrorHandler(GROUP, c -> PropagatingErrorHandler.instance()));
    }
}
