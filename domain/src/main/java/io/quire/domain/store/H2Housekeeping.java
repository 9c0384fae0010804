package io.quire.domain.store;

import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Does for an embedded H2 file, once a second, what H2's own background thread would do if {@code WRITE_DELAY=0}
 * did not switch that thread off: rewrites sparse chunks so their space can be reused, and forces the file to disk.
 *
 * <p>Why it is needed: every commit appends a chunk to the file, and a chunk's space is reused only once none of
 * its pages is live. Under steady appends most chunks keep a page or two for ever (B-tree leaves that stopped
 * changing), so without compaction the file grows by ~8 KB per commit with no end (measured: 724 MB after 88,000
 * single-event commits, its chunks 4% full; see {@link H2Urls}). H2 compacts only in its background writer, which
 * does not run with {@code WRITE_DELAY=0}, and SQL has no online compaction command; hence this class reaches H2's
 * store through its engine API, which is internal: a new H2 version may need this class adapted (the tests show it).
 *
 * <p>Why the sync: H2 never calls fsync. Forcing the file every second bounds what a power cut can lose to about
 * a second of commits, and is what makes the short {@code RETENTION_TIME} in {@link H2Urls} safe: a chunk's space
 * is reused only after every chunk that replaced it has been forced to disk.
 *
 * <p>Threads: one daemon thread, {@code quire-h2-housekeeping}. Compaction takes H2's store lock, so commits wait
 * while a round rewrites chunks (bounded by {@link #MAX_REWRITE_BYTES}). Does nothing for in-memory or remote H2.
 */
final class H2Housekeeping implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(1);

    /** Chunks less full than this are rewritten; H2's own housekeeping uses the same order of magnitude. */
    private static final int TARGET_FILL_RATE = 50;

    /** The most a round rewrites, so one round cannot hold the store lock for long. */
    private static final int MAX_REWRITE_BYTES = 16 << 20;

    private static final Logger logger = LoggerFactory.getLogger(H2Housekeeping.class);

    private final DataSource dataSource;
    private final ScheduledExecutorService timer;
    private boolean failing;

    H2Housekeeping(DataSource dataSource) {
        this.dataSource = dataSource;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "quire-h2-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the rounds; the first one runs after {@link #INTERVAL}. */
    static H2Housekeeping start(DataSource dataSource) {
        H2Housekeeping housekeeping = new H2Housekeeping(dataSource);
        long millis = INTERVAL.toMillis();
        housekeeping.timer.scheduleWithFixedDelay(housekeeping::roundLoggingFailures, millis, millis,
                                                  TimeUnit.MILLISECONDS);
        return housekeeping;
    }

    /**
     * One round: compact, then force to disk. Does nothing when the database is not an H2 file opened in this JVM.
     *
     * @throws SQLException when no connection can be had
     */
    void round() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Session session = connection.unwrap(JdbcConnection.class).getSession();
            if (!(session instanceof SessionLocal local)) {
                return;
            }
            Store store = local.getDatabase().getStore();
            MVStore mvStore = store.getMvStore();
            if (mvStore.getFileStore() == null || mvStore.isReadOnly()) {
                return;
            }
            mvStore.compact(TARGET_FILL_RATE, MAX_REWRITE_BYTES);
            store.sync();
        }
    }

    private void roundLoggingFailures() {
        try {
            round();
            if (failing) {
                logger.info("H2 housekeeping works again");
                failing = false;
            }
        } catch (Exception e) {
            // Logged once per run of failures: a closed or broken database would otherwise log every second.
            if (!failing) {
                logger.warn("H2 housekeeping failed; the events file may grow until it works again", e);
                failing = true;
            }
        }
    }

    /** Stops the rounds and waits for a running one to end, so it never races the database's closing. */
    @Override
    public void close() {
        // Not shutdownNow(): interrupting a thread inside file I/O closes the FileChannel H2 is writing through.
        timer.shutdown();
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                logger.warn("H2 housekeeping did not stop within 10 s; closing the database anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
