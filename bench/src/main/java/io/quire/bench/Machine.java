package io.quire.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the machine is doing besides the benchmark. On a shared machine the figures depend on it, so the report
 * states the load average, and the CPU time this JVM spends per operation (which competition changes much less
 * than the elapsed time).
 */
public final class Machine {

    private Machine() {
    }

    /** The 1-minute load average (runnable and waiting tasks, all processes), or NaN where /proc is missing. */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** CPU time this JVM has used so far, all threads, in nanoseconds. */
    public static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time the calling thread has used so far, in nanoseconds. */
    public static long threadCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The JVM's garbage collectors, as it names them ("PS Scavenge, PS MarkSweep" for the parallel one). */
    public static String garbageCollectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName)
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
