package io.quire.runtime.kernel;

import io.quire.kernel.client.KernelClient;
import io.quire.kernel.spec.KernelSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** A started kernel with a connected client: what a notebook session or a run uses. */
public final class RunningKernel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningKernel.class);
    private static final Duration SHUTDOWN_REPLY = Duration.ofSeconds(3);
    private static final Duration EXIT_AFTER_REPLY = Duration.ofSeconds(3);

    private final String id;
    private final KernelSpec spec;
    private final KernelClient client;
    private final KernelProcess process;
    private volatile Instant lastActivity = Instant.now();
    private final AtomicInteger busy = new AtomicInteger();

    RunningKernel(String id, KernelSpec spec, KernelClient client, KernelProcess process) {
        this.id = id;
        this.spec = spec;
        this.client = client;
        this.process = process;
    }

    public String id() {
        return id;
    }

    public KernelSpec spec() {
        return spec;
    }

    public KernelClient client() {
        return client;
    }

    public KernelProcess process() {
        return process;
    }

    /** Marks the kernel as used now. */
    public void touch() {
        lastActivity = Instant.now();
    }

    public Instant lastActivity() {
        return lastActivity;
    }

    /** Marks the start of a request that keeps the kernel busy (an execution); pair with {@link #finished()}. */
    public void started() {
        busy.incrementAndGet();
        touch();
    }

    public void finished() {
        busy.decrementAndGet();
        touch();
    }

    /** True while code is running on it through this process. */
    public boolean isBusy() {
        return busy.get() > 0;
    }

    /**
     * Stops the kernel: 1. ask it to shut down (shutdown_request), 2. wait for its process to exit, 3. kill it if
     * it has not, 4. close the client (files and records are cleaned up when the process exits).
     */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                client.shutdown(false).get(SHUTDOWN_REPLY.toMillis(), TimeUnit.MILLISECONDS);
                process.onExit().get(EXIT_AFTER_REPLY.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException | ExecutionException e) {
            LOG.debug("kernel {} did not shut down by itself: killing it", id, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (process.isAlive()) {
                process.kill();
            }
            client.close();
        }
    }
}
