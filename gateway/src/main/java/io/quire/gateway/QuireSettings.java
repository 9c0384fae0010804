package io.quire.gateway;

import io.quire.runtime.output.s3.S3Settings;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a Quire node is set up.
 *
 * @param dataDirectory     where the embedded event store and other local state live
 * @param databaseUrl       a JDBC URL for the event store (PostgreSQL), or null for the embedded H2 store in
 *                          {@code dataDirectory}
 * @param snapshotThreshold events after which a notebook's state is snapshotted, so loading it stays fast
 * @param kernelStartTimeout how long a kernel may take to answer after it is started
 * @param largeOutputThreshold output values longer than this (characters) are stored once, by hash, outside the
 *                           events
 * @param kernelPoolSize     kernels kept started ahead of need, per kernelspec in use (0: start each on demand)
 * @param cullIdleAfter      the server stops kernels idle (and without clients) this long; zero: never
 * @param outputStore        where runs' output notebooks go: {@code s3://bucket/prefix}, a directory, or null for
 *                           {@code DATA/outputs}
 * @param s3                 how to reach S3 (endpoint, region, credentials) for output stores and s3:// locations
 */
public record QuireSettings(Path dataDirectory, String databaseUrl, int snapshotThreshold,
                            Duration kernelStartTimeout, int largeOutputThreshold, int kernelPoolSize,
                            Duration cullIdleAfter, String outputStore, S3Settings s3) {

    /** The default large output threshold: 64 KiB of text (about 48 KB of base64 image). */
    public static final int DEFAULT_LARGE_OUTPUT_THRESHOLD = 64 * 1024;

    /** The default kernel start timeout: 60 seconds, as Jupyter's. */
    public static final Duration DEFAULT_KERNEL_START_TIMEOUT = Duration.ofSeconds(60);

    public QuireSettings(Path dataDirectory, String databaseUrl, int snapshotThreshold) {
        this(dataDirectory, databaseUrl, snapshotThreshold, DEFAULT_KERNEL_START_TIMEOUT, DEFAULT_LARGE_OUTPUT_THRESHOLD,
                0, Duration.ZERO, null, S3Settings.defaults());
    }

    /** The same settings with a warm kernel pool and idle culling. */
    public QuireSettings withKernels(int poolSize, Duration cullIdle) {
        return new QuireSettings(dataDirectory, databaseUrl, snapshotThreshold, kernelStartTimeout,
                largeOutputThreshold, poolSize, cullIdle, outputStore, s3);
    }

    /** The same settings with another output store and way to reach S3. */
    public QuireSettings withOutputs(String store, S3Settings s3Settings) {
        return new QuireSettings(dataDirectory, databaseUrl, snapshotThreshold, kernelStartTimeout,
                largeOutputThreshold, kernelPoolSize, cullIdleAfter, store, s3Settings);
    }

    /** The default snapshot threshold: a snapshot every 1,000 events. */
    public static final int DEFAULT_SNAPSHOT_THRESHOLD = 1000;

    public QuireSettings {
        if (kernelPoolSize < 0) {
            throw new IllegalArgumentException("the kernel pool size must be 0 or more, not " + kernelPoolSize);
        }
        if (cullIdleAfter == null || cullIdleAfter.isNegative()) {
            throw new IllegalArgumentException("the idle culling time must be 0 (never) or more");
        }
        s3 = s3 == null ? S3Settings.defaults() : s3;
        if (snapshotThreshold < 1) {
            throw new IllegalArgumentException("the snapshot threshold must be at least 1, not " + snapshotThreshold);
        }
    }

    public static QuireSettings embedded(Path dataDirectory) {
        return new QuireSettings(dataDirectory, null, DEFAULT_SNAPSHOT_THRESHOLD);
    }
}
