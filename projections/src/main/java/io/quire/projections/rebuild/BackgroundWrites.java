package io.quire.projections.rebuild;

import org.axonframework.common.transaction.TransactionManager;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A second thread for a rebuild's writes, so that they overlap with reading and folding the next events: writing
 * the versions table alone took more than half of a one-thread rebuild. Jobs run in the order given, each in its own
 * transaction; at most {@value #QUEUED} wait, so that a slow database holds back the reader instead of filling the
 * heap. The first failure stops the rest and is thrown to the rebuild's thread.
 */
public final class BackgroundWrites {

    private static final int QUEUED = 8;

    private final TransactionManager transactions;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(job -> {
        Thread writer = new Thread(job, "quire-rebuild-writer");
        writer.setDaemon(true);
        return writer;
    });
    private final Semaphore room = new Semaphore(QUEUED);
    private volatile RuntimeException failure;
    private volatile boolean abandoned;

    BackgroundWrites(TransactionManager transactions) {
        this.transactions = transactions;
    }

    /** Queues a write; waits while {@value #QUEUED} are queued already. */
    public void submit(Runnable write) {
        throwIfFailed();
        try {
            room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the rebuild was interrupted", e);
        }
        thread.execute(() -> {
            try {
                if (failure == null && !abandoned) {
                    transactions.executeInTransaction(write);
                }
            } catch (Throwable e) { // an Error too: a write lost without a word would leave a hole
                failure = e instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("the rebuild could not write: " + e, e);
            } finally {
                room.release();
            }
        });
    }

    /** Waits for every queued write to be committed; throws the first failure. */
    void finish() {
        thread.shutdown();
        try {
            while (!thread.awaitTermination(1, TimeUnit.SECONDS)) {
                // A long write: keep waiting, the rebuild cannot complete without it.
            }
        } catch (InterruptedException e) {
            abandoned = true;
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the rebuild was interrupted", e);
        }
        throwIfFailed();
    }

    /**
     * Stops the thread after a failure elsewhere: queued writes are dropped (the rebuild will be started over), the
     * running one ends. Not by interrupting it: an interrupt inside file I/O closes the channel H2 writes through.
     */
    void abandon() {
        abandoned = true;
        thread.shutdown();
    }

    private void throwIfFailed() {
        RuntimeException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }
}
