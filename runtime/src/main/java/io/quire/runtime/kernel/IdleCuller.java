package io.quire.runtime.kernel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Stops kernels nobody has used for a while, as Jupyter Server's culler does; a kernel that is running code is
 * never culled.
 */
public final class IdleCuller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IdleCuller.class);

    private final Duration idleTimeout;
    private final Consumer<RunningKernel> onCulled;
    private final Set<RunningKernel> watched = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "quire-kernel-culler");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param idleTimeout   how long a kernel may stay unused
     * @param checkInterval how often to look
     * @param onCulled      told about each kernel stopped (on the culler's thread)
     */
    public IdleCuller(Duration idleTimeout, Duration checkInterval, Consumer<RunningKernel> onCulled) {
        this.idleTimeout = idleTimeout;
        this.onCulled = onCulled;
        timer.scheduleWithFixedDelay(this::cull, checkInterval.toMillis(), checkInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public void watch(RunningKernel kernel) {
        watched.add(kernel);
    }

    public void forget(RunningKernel kernel) {
        watched.remove(kernel);
    }

    private void cull() {
        Instant cutoff = Instant.now().minus(idleTimeout);
        for (RunningKernel kernel : watched) {
            if (!kernel.isBusy() && kernel.lastActivity().isBefore(cutoff)) {
                watched.remove(kernel);
                LOG.info("stopping kernel {}: idle since {}", kernel.id(), kernel.lastActivity());
                // Nothing may escape: a scheduled task that throws is never run again, so culling would stop.
                try {
                    kernel.close();
                } catch (RuntimeException e) {
                    LOG.warn("kernel {} did not stop cleanly", kernel.id(), e);
                }
                try {
                    onCulled.accept(kernel);
                } catch (RuntimeException e) {
                    LOG.error("the listener told of culled kernel {} failed", kernel.id(), e);
                }
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
