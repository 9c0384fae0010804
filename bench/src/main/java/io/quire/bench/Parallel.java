package io.quire.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs one task per thread and waits for all of them; the first failure is rethrown with the task's stack trace.
 * Threads are named {@code <name>-<i>} so that a {@code jcmd <pid> Thread.print} sample shows who is who.
 */
public final class Parallel {

    private Parallel() {
    }

    /**
     * @param name  the thread name prefix
     * @param count how many tasks, one thread each
     * @param task  the task of thread {@code i}
     * @return the tasks' results, in order
     */
    public static <T> List<T> run(String name, int count, IntFunction<Task<T>> task) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(count,
                runnable -> new Thread(runnable, name + "-" + next.getAndIncrement()));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Task<T> each = task.apply(i);
                futures.add(threads.submit(each::call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + " failed: " + e.getCause(), e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    /** A task that may throw. */
    @FunctionalInterface
    public interface Task<T> {
        T call() throws Exception;
    }
}
