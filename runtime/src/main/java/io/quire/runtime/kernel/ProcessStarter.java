package io.quire.runtime.kernel;

import io.quire.kernel.spec.KernelSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How {@link LocalKernelLauncher} gets a kernel's process going: spawned from its argv ({@link SpawningProcessStarter})
 * or forked from an interpreter that has already imported ipykernel ({@link ForkingProcessStarter}). Everything
 * around it (ports, connection file, records, the readiness handshake) is the launcher's.
 */
interface ProcessStarter extends AutoCloseable {

    /**
     * Starts the kernel's process; returns as soon as it runs, before the kernel answers.
     *
     * @param command     the kernelspec's argv, interpreter resolved, connection file filled in
     * @param environment added to this process's own environment (the kernelspec's env, then Quire's extras)
     * @param log         where the kernel's stdout and stderr are appended
     * @param cleanUp     run once the process has exited (also after {@link KernelProcess#kill()})
     */
    Started start(KernelSpec spec, List<String> command, Path workingDirectory, Map<String, String> environment,
                  Path log, Runnable cleanUp) throws IOException;

    /** Releases what the starter keeps (helper processes); kernels already started keep running. */
    @Override
    default void close() {
    }

    /** A started kernel process, and its handle (with its start time) for the records of running kernels. */
    record Started(KernelProcess process, ProcessHandle handle) {
    }
}
