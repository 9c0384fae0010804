package io.quire.projections.notebook;

import io.quire.projections.TrackingProcessors;
import io.quire.projections.contents.Contents;
import io.quire.projections.contents.ContentsProjection;
import io.quire.projections.jdbc.Sql;
import io.quire.projections.rebuild.BulkReplay;
import io.quire.projections.versions.VersionProjection;
import io.quire.projections.versions.Versions;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;


/**
 * The notebook read models (live notebooks, contents tree, versions), their tables, and their registration as one
 * tracking processor whose token lives in the same database: a restart resumes where it stopped.
 */
public class NotebookProjections {

    /** The processing group, and so the token name, of the notebook projections. */
    public static final String GROUP = "notebooks";

    /** Events per batch: one transaction, one token update and one write per changed notebook. */
    private static final int BATCH_SIZE = 1000;

    private final LiveNotebooks liveNotebooks;
    private final Contents contents;
    private final Versions versions;
    private final InlinedOutputs inlined;

    public NotebookProjections(ConnectionProvider connections, InlinedOutputs inlined) {
        this.inlined = inlined;
        Sql sql = new Sql(connections);
        this.liveNotebooks = new LiveNotebooks(sql);
        this.contents = new Contents(sql);
        this.versions = new Versions(sql);
    }

    public LiveNotebooks liveNotebooks() {
        return liveNotebooks;
    }

    public Contents contents() {
        return contents;
    }

    public Versions versions() {
        return versions;
    }

    /** Creates the read model tables that are missing. */
    public void createTables() {
        liveNotebooks.createTables();
        contents.createTables();
        versions.createTables();
    }

    /**
     * Whether the stored read models have the shape an earlier version of Quire gave them: then they must be
     * dropped and rebuilt from the events (what {@code quire rebuild} does) before this version can use them.
     */
    public boolean outdated() {
        return liveNotebooks.outdated() || versions.outdated();
    }

    /** Drops the read model tables, so that a replay from the first event rebuilds them. */
    public void dropTables() {
        liveNotebooks.dropTables();
        contents.dropTables();
        versions.dropTables();
    }

    /** This group's share of a {@code ReadModelRebuild}, into the tables just dropped and created again. */
    public BulkReplay bulkReplay() {
        return new NotebookReplay(this, inlined);
    }

    /**
     * Registers the projections' event handlers and their tracking processor. The caller registers the token store.
     * A failing handler stops the batch (and retries it) rather than skipping an event: a read model with a hole
     * would be wrong forever.
     *
     * @param autoStart false to start the processor later (after a bulk replay), by hand
     */
    public void registerWith(Configurer configurer, boolean autoStart) {
        configurer.registerEventHandler(c -> new LiveNotebookProjection(liveNotebooks, inlined));
        configurer.registerEventHandler(c -> new ContentsProjection(contents));
        configurer.registerEventHandler(c -> new VersionProjection(versions));
        configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(GROUP, c -> c.eventStore(),
                        c -> TrackingProcessors.singleThreaded(BATCH_SIZE, autoStart))
                .registerListenerInvocationErrorHandler(GROUP, c -> PropagatingErrorHandler.instance()));
    }
}
