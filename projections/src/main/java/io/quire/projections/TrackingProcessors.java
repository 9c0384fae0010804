package io.quire.projections;

import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;

import java.util.concurrent.TimeUnit;

/** How the processor of each group of read models runs: one thread, its batch size, and how long it idles. */
public final class TrackingProcessors {

    /*
     * How long a processor waits for the next event before it looks up again. Axon's 1 s is also how long stopping
     * an idle processor takes, and a CLI command spent more than half its time on it (`quire ls`: the output at
     * 0.8 s, the exit at 2.3 s). Each wait that ends without events extends the processor's claim in the token
     * store; the token store skips most of those writes (SparseClaimExtensions), so a shorter wait costs no I/O.
     */
    private static final long IDLE_WAIT_MILLIS = 100;

    private TrackingProcessors() {
    }

    /** A single-threaded tracking processor's configuration. */
    public static TrackingEventProcessorConfiguration singleThreaded(int batchSize, boolean autoStart) {
        return TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                .andBatchSize(batchSize)
                .andEventAvailabilityTimeout(IDLE_WAIT_MILLIS, TimeUnit.MILLISECONDS)
                .andAutoStart(autoStart);
    }
}
