package io.quire.bench.runs;

import io.quire.bench.Machine;
import io.quire.bench.Progress;
import io.quire.bench.Samples;
import io.quire.bench.store.BenchStore;
import io.quire.runtime.run.RunResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many runs asked for at once, as many API clients would: {@code runs} threads each call {@code Runs.start} at the
 * same moment; the clock runs from that moment until every run's result has completed. The pool is full before
 * the clock starts: with {@code poolSize == runs} every run takes a warm kernel (a burst the pool was sized for);
 * with a small pool the rest start their kernels as they need them (sustained load).
 */
final class RunThroughput {

    private final int runs;
    private final int poolSize;

    RunThroughput(int runs, int poolSize) {
        this.runs = runs;
        this.poolSize = poolSize;
    }

    /**
     * @param wallNanos       first request to last result
     * @param latency         each run's own end-to-end time
     * @param kernelsStopped  first request until the runs' kernels have all exited, in ns (Quire's results do not
     *                        wait for that; nbclient's runs do)
     * @param kernelCpu       CPU time of the kernels that exited meanwhile (the runs' kernels: their whole life,
     *                        start included), in ns
     * @param jvmCpu          CPU time of Quire's JVM meanwhile (the refill's kernels, still alive, not counted), ns
     * @param failed          runs that did not succeed (their reason is on stderr); the wall counts them too
     */
    record Result(long wallNanos, Samples latency, long kernelsStopped, double loadAverage, long kernelCpu,
                  long jvmCpu, int failed) {
    }

    Result run(BenchStore store, Path notebook) throws Exception {
        try (RunNode node = new RunNode(store, notebook, poolSize)) {
            node.prepare();
            node.awaitQuiet();
            Progress.say("quire", "throughput", "pool of %d warm; %d runs at once", poolSize, runs);
            ExecutorService clients = Executors.newFixedThreadPool(runs);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<RunNode.Submitted>> submitted = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    submitted.add(clients.submit(() -> {
                        go.await();
                        return node.submit();
                    }));
                }
                Thread.sleep(200); // every client thread is waiting on the latch
                long childCpu = ChildCpu.nanos();
                long ownCpu = Machine.processCpuNanos();
                long start = System.nanoTime();
                go.countDown();
                List<RunNode.Submitted> all = new ArrayList<>();
                for (Future<RunNode.Submitted> future : submitted) {
                    all.add(future.get());
                }
                CompletableFuture.allOf(all.stream().map(RunNode.Submitted::result)
                        .toArray(CompletableFuture[]::new)).join();
                long wall = System.nanoTime() - start;
                double load = Machine.loadAverage();
                long stopped = kernelsStopped(node.kernelsOf(all.stream()
                        .map(run -> run.result().join().runId()).toList()), start);
                Thread.sleep(500); // the JVM's reaper waits for exited kernels: only then is their CPU counted
                long kernelCpu = ChildCpu.nanos() - childCpu;
                long jvmCpu = Machine.processCpuNanos() - ownCpu;
                long[] latencies = new long[runs];
                int failed = 0;
                for (int i = 0; i < runs; i++) {
                    RunResult result = all.get(i).result().join();
                    try {
                        RunNode.check(result);
                    } catch (IllegalStateException e) {
                        // Reported as a figure, not thrown: the other runs' figures still say something.
                        failed++;
                        Progress.say("quire", "throughput", "FAILED: %s", e.getMessage());
                    }
                    latencies[i] = all.get(i).phases().total();
                }
                slowest(all);
                return new Result(wall, Samples.of(latencies), stopped, load, kernelCpu, jvmCpu, failed);
            } finally {
                clients.shutdownNow();
            }
        }
    }

    /** Waits until the runs' kernels have exited; returns the time since {@code start}, in ns. */
    private static long kernelsStopped(java.util.Set<String> kernelIds, long start) throws InterruptedException {
        if (kernelIds.isEmpty()) {
            throw new IllegalStateException("no RunStarted event names a kernel: the runs did not start");
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (RunNode.anyAlive(kernelIds) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return System.nanoTime() - start;
    }

    /** Says on stderr where the slowest run's time went: a long tail is a different story from a slow median. */
    private static void slowest(List<RunNode.Submitted> all) {
        RunPhases slowest = all.stream().map(RunNode.Submitted::phases)
                .max(java.util.Comparator.comparingLong(RunPhases::total)).orElseThrow();
        long[] phases = slowest.phases();
        StringBuilder split = new StringBuilder();
        for (int p = 0; p < phases.length; p++) {
            split.append(String.format(java.util.Locale.ROOT, " %s %.0f ms", RunPhases.NAMES[p], phases[p] / 1e6));
        }
        Progress.say("quire", "throughput", "slowest run %.0f ms:%s", slowest.total() / 1e6, split);
    }
}
