package io.quire.bench.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this JVM's child processes that have exited and been waited for (the kernels): {@code cutime} +
 * {@code cstime} of /proc/self/stat. Kernel starts cost CPU, and with 2 cores that CPU bounds how many fresh-kernel
 * runs per second any runner can do.
 */
final class ChildCpu {

    /** USER_HZ: the unit of /proc's times; 100 on every Linux this runs on. */
    private static final double TICK_NANOS = 1e9 / 100;

    private ChildCpu() {
    }

    /** Exited children's CPU so far, in ns; only differences mean something. NaN-free: 0 where /proc is missing. */
    static long nanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command name (which may hold spaces, so split after its closing parenthesis):
            // state is field 3, cutime 16 and cstime 17.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (long) ((Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * TICK_NANOS);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
