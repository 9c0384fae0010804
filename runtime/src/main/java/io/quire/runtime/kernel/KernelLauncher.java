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

    /**
     * Starts a kernel of {@code spec} whose working directory is {@code workingDirectory} (papermill's
     * {@code --cwd}: relative paths in the notebook's code resolve there).
     *
     * @throws KernelLaunchException when it cannot be started or does not answer in time
     */
    RunningKernel start(KernelSpec spec, java.nio.file.Path workingDirectory);

    /** Stops every kernel this launcher started that is still running. */
    @Override
    void close();
}
