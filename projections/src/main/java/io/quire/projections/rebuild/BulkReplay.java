package io.quire.projections.rebuild;

import io.quire.domain.store.StoredEventReader.StoredEvent;

/**
 * One processing group's share of a {@link ReadModelRebuild}: it is handed, in global order, the stored events of
 * the types it wants, and writes what its projections would have written for them, in the transaction the rebuild
 * has open on the calling thread.
 */
public interface BulkReplay {

    /** The processing group whose read models this fills, and whose token the rebuild stores at the end. */
    String group();

    /** Whether events with payloads of this class are to be handed over; asked once per payload class. */
    boolean wants(Class<?> payloadType);

    /** Applies one event (it may keep what it writes in memory until {@link #flush()}). */
    void apply(StoredEvent event);

    /**
     * Writes whatever {@link #apply} kept in memory, on the calling thread (in the rebuild's transaction, committed
     * later) or handed to {@code background} (committed on its own, before the rebuild completes). Called every few
     * thousand events.
     */
    void flush(BackgroundWrites background);

    /** Every event has been applied: writes the rest; the rebuild's last commit follows. */
    default void complete(BackgroundWrites background) {
        flush(background);
    }
}
