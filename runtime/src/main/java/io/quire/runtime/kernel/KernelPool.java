package io.quire.runtime.kernel;

import io.quire.kernel.spec.KernelSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
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
    private final ExecutorService refiller = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "quire-kernel-pool");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    /** @param size warm kernels kept per kernelspec that has been asked for (0: always start cold) */
    public KernelPool(KernelLauncher launcher, int size) {
        if (size < 0) {
            throw new IllegalArgumentException("the pool size must be 0 or more, not " + size);
        }
        this.launcher = launcher;
        this.size = size;
    }

    /** Starts filling the pool for {@code spec} now, before anyone asks. */
    public void prepare(KernelSpec spec) {
        refill(spec);
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
        refill(spec);
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

    private void refill(KernelSpec spec) {
        if (size == 0 || closed) {
            return;
        }
        refiller.execute(() -> {
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
                    LOG.warn("cannot pre-start a {} kernel for the pool: {}", spec.name(), e.getMessage());
                    return;
                }
            }
        });
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
