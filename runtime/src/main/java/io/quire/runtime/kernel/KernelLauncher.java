package io.quire.runtime.kernel;

import io.quire.kernel.spec.KernelSpec;

/** Starts kernels somewhere (local processes, pods) and hands them back connected and ready. */
public interface KernelLauncher extends AutoCloseable {

    /**
     * Starts a kernel of {@code spec} and waits until it answers.
     *
     * @throws KernelLaunchException when it cannot be started or does not answer in time
     */
    RunningKernel start(KernelSpec spec);

    /** Stops every kernel this launcher started that is still running. */
    @Override
    void close();
}
