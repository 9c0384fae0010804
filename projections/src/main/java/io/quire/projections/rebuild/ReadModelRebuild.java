package io.quire.projections.rebuild;

import io.quire.domain.serialization.QuireJson;
import io.quire.domain.store.StoredEventReader;
import io.quire.domain.store.StoredEventReader.StoredEvent;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * Rebuilds the read models of several processing groups from every stored event in one pass, without Axon's
 * tracking processors: the events are read once, in global order ({@link StoredEventReader}), each handed to the
 * groups that want its type ({@link BulkReplay}), and the groups' writes commit together every
 * {@value #EVENTS_PER_TRANSACTION} events, but for those they hand to a second thread ({@link BackgroundWrites}). At the end each group's token is stored at the last event read, and its
 * {@link PendingRebuilds} mark is cleared in the same transaction, so that its processor, started afterwards, goes on
 * from there, and a rebuild cut short (a crash) is started over at the next start.
 *
 * <p>Why not the processors: each one reads every event again through Axon, with a unit of work, a message and a
 * handler lookup per event; three of them replayed 25,000-45,000 events/s on the build machine.
 *
 * <p>For empty tables only (the groups' tables just dropped and created, their tokens deleted), and while no one
 * appends events: an event committed during the rebuild with a global index below the last one read would be missed.
 */
public final class ReadModelRebuild {

    /** Events between two flushes: small enough to keep the buffers young, large enough for batched writes. */
    private static final int EVENTS_PER_FLUSH = 2_000;
    /** Large transactions, few commits; a bound so that a long history does not make one huge transaction. */
    private static final int EVENTS_PER_TRANSACTION = 50_000;

    private final DataSource events;
    private final TransactionManager transactions;
    private final TokenStore tokens;
    private final PendingRebuilds pending;

    /**
     * @param events       where the events are stored
     * @param transactions the thread-bound transactions of the connections the read models are written with
     * @param tokens       the processors' token store
     */
    public ReadModelRebuild(DataSource events, TransactionManager transactions, TokenStore tokens,
                            PendingRebuilds pending) {
        this.events = events;
        this.transactions = transactions;
        this.tokens = tokens;
        this.pending = pending;
    }

    /**
     * Replays every stored event into {@code replays}.
     *
     * @param progress told the number of events replayed so far, after each commit
     * @return the global index of the last stored event, -1 when the store is empty
     */
    public long run(List<BulkReplay> replays, LongConsumer progress) {
        // Filled by the reading thread, read by this one.
        Map<Class<?>, List<BulkReplay>> byType = new ConcurrentHashMap<>();
        StoredEventReader reader = new StoredEventReader(events, QuireJson.newObjectMapper(),
                type -> !byType.computeIfAbsent(type, t -> interestedIn(t, replays)).isEmpty());
        BackgroundWrites background = new BackgroundWrites(transactions);
        Batch batch = new Batch(replays, background, progress);
        long last;
        try {
            last = ReadAhead.readAll(reader, event -> batch.apply(event, byType.get(event.payload().getClass())));
            replays.forEach(replay -> replay.complete(background));
            background.finish();
            for (BulkReplay replay : replays) {
                if (last >= 0) {
                    tokens.initializeTokenSegments(replay.group(), 1,
                            GapAwareTrackingToken.newInstance(last, Collections.emptySortedSet()));
                }
                pending.done(replay.group());
            }
            batch.transaction.commit();
        } catch (RuntimeException e) {
            background.abandon();
            batch.transaction.rollback();
            throw e;
        }
        progress.accept(batch.applied);
        return last;
    }

    private static List<BulkReplay> interestedIn(Class<?> type, List<BulkReplay> replays) {
        List<BulkReplay> interested = new ArrayList<>();
        for (BulkReplay replay : replays) {
            if (replay.wants(type)) {
                interested.add(replay);
            }
        }
        return interested;
    }

    /** The open transaction, committed every {@value #EVENTS_PER_TRANSACTION} events. */
    private final class Batch {
        private final List<BulkReplay> replays;
        private final BackgroundWrites background;
        private final LongConsumer progress;
        private Transaction transaction = transactions.startTransaction();
        private long applied;

        Batch(List<BulkReplay> replays, BackgroundWrites background, LongConsumer progress) {
            this.replays = replays;
            this.background = background;
            this.progress = progress;
        }

        void apply(StoredEvent event, List<BulkReplay> interested) {
            for (BulkReplay replay : interested) {
                replay.apply(event);
            }
            if (++applied % EVENTS_PER_FLUSH == 0) {
                replays.forEach(replay -> replay.flush(background));
            }
            if (applied % EVENTS_PER_TRANSACTION == 0) {
                transaction.commit();
                progress.accept(applied);
                transaction = transactions.startTransaction();
            }
        }
    }
}
