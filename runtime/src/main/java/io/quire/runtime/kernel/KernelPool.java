package io.quire.runtime.kernel;

import io.quire.kernel.spec.KernelSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Kernels started ahead of need, per kernelspec, so that taking one costs no start-up. A kernel taken is replaced
 * in the background; each kernel is handed out once, so no state leaks from one user or run to the next.
 */
public final class KernelPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KernelPool.class);

    private final KernelLauncher launcher;
    private final int size;
    private final Map<String, BlockingQueue<RunningKernel>> warm = new ConcurrentHashMap<>();
    private final Duration refillDelay;
    private final ScheduledExecutorService refiller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "quire-kernel-pool");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    /** @param size warm kernels kept per kernelspec that has been asked for (0: always start cold) */
    public KernelPool(KernelLauncher launcher, int size) {
        this(launcher, size, Duration.ZERO);
    }

    /**
     * @param refillDelay how long after a kernel is taken its replacement starts: a kernel's start costs about half
     *                    a second of CPU, which would otherwise compete with the work the taken kernel was taken for
     */
    public KernelPool(KernelLauncher launcher, int size, Duration refillDelay) {
        if (size < 0) {
            throw new IllegalArgumentException("the pool size must be 0 or more, not " + size);
        }
        this.launcher = launcher;
        this.size = size;
        this.refillDelay = refillDelay;
    }

    /** Starts filling the pool for {@code spec} now, before anyone asks. */
    public void prepare(KernelSpec spec) {
        refill(spec, Duration.ZERO);
    }

    /**
     * A ready kernel of {@code spec}: a warm one if there is one, else one started now.
     *
     * @throws KernelLaunchException when a kernel must be started and cannot be
     */
    public RunningKernel take(KernelSpec spec) {
        BlockingQueue<RunningKernel> queue = queue(spec);
        RunningKernel kernel;
        while ((kernel = queue.poll()) != null && !kernel.process().isAlive()) {
            kernel.close();
        }
        refill(spec, kernel == null ? Duration.ZERO : refillDelay);
        if (kernel != null) {
            kernel.touch();
            return kernel;
        }
        return launcher.start(spec);
    }

    /** How many warm kernels of {@code spec} are waiting. */
    public int warmCount(KernelSpec spec) {
        return queue(spec).size();
    }

    private void refill(KernelSpec spec, Duration delay) {
        if (size == 0 || closed) {
            return;
        }
        refiller.schedule(() -> {
            BlockingQueue<RunningKernel> queue = queue(spec);
            while (!closed && queue.size() < size) {
                try {
                    RunningKernel kernel = launcher.start(spec);
                    if (closed) {
                        kernel.close(); // the pool closed while this kernel started
                        return;
                    }
                    queue.add(kernel);
                } catch (KernelLaunchException e) {
                    if (!closed) { // closing interrupts a kernel being started: nothing to report then
                        LOG.warn("cannot pre-start a {} kernel for the pool: {}", spec.name(), e.getMessage());
                    }
                    return;
                }
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private BlockingQueue<RunningKernel> queue(KernelSpec spec) {
        return warm.computeIfAbsent(spec.name(), name -> new LinkedBlockingQueue<>());
    }

    /** Stops refilling and stops the warm kernels. */
    @Override
    public void close() {
        closed = true;
        refiller.shutdownNow();
        warm.values().forEach(queue -> {
            RunningKernel kernel;
            while ((kernel = queue.poll()) != null) {
                kernel.close();
            }
        });
    }
}
