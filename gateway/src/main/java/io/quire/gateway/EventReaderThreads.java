package io.quire.gateway;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;

/**
 * The threads of Axon's embedded event store (its reader, which fetches new events for the processors), kept so
 * that closing Quire can wait for them before the database closes. Axon's {@code shutDown} only asks its reader to
 * stop; a reader still fetching when the connections closed failed with "Connection is closed" and logged it as
 * an error.
 *
 * <p>Threads: any.
 */
final class EventReaderThreads implements ThreadFactory {

    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    @Override
    public Thread newThread(Runnable runnable) {
        Thread thread = new Thread(runnable, "quire-event-reader");
        thread.setDaemon(true);
        threads.add(thread);
        return thread;
    }

    /**
     * Waits for every thread made here to end, for at most {@code timeout} in all (the reader notices it was asked
     * to stop within the event store's fetch delay, 200 ms in {@link Quire}).
     *
     * @return whether they all ended
     */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                thread.join(Math.max(1, left / 1_000_000));
            }
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }
}
