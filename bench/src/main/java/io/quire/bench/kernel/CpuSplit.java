package io.quire.bench.kernel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the CPU went during a phase: this JVM's threads grouped by role (Quire's kernel I/O threads, Vert.x event
 * loops, the bench's WebSocket client), and the kernel processes (children of this JVM).
 */
final class CpuSplit {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> start = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final long kernelsStart;

    CpuSplit() {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                start.put(info.getThreadId(), Math.max(0, threads.getThreadCpuTime(info.getThreadId())));
            }
        }
        kernelsStart = childrenCpu();
    }

    private static long childrenCpu() {
        return ProcessHandle.current().descendants()
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    private static String role(String name) {
        if (name.startsWith("quire-kernel-io")) {
            return "Quire kernel I/O threads";
        }
        if (name.startsWith("vert.x-eventloop")) {
            return "Vert.x event loops";
        }
        if (name.startsWith("HttpClient") || name.startsWith("Thread-")) {
            return "bench WebSocket client";
        }
        if (name.startsWith("ZMQ") || name.startsWith("reaper") || name.startsWith("iothread")) {
            return "JeroMQ threads";
        }
        return "other JVM threads";
    }

    /** CPU seconds per role since construction, over {@code wallSeconds} of wall time. */
    String report(double wallSeconds) {
        Map<String, Long> byRole = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            byRole.merge(role(info.getThreadName()), cpu - start.getOrDefault(info.getThreadId(), 0L), Long::sum);
        }
        byRole.put("kernel processes (python)", childrenCpu() - kernelsStart);
        StringBuilder out = new StringBuilder(String.format("CPU over %.1f s wall (2 cores = %.1f CPU-s):",
                wallSeconds, 2 * wallSeconds));
        byRole.forEach((role, nanos) -> out.append(String.format(" %s %.1f s;", role, nanos / 1e9)));
        return out.toString();
    }
}
