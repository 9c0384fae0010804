package io.quire.runtime.run;

import io.quire.kernel.spec.KernelSpec;
import io.quire.runtime.kernel.KernelLauncher;
import io.quire.runtime.kernel.KernelPool;
import io.quire.runtime.kernel.RunningKernel;

import java.nio.file.Path;

/**
 * Kernels for runs: every run gets a kernel nobody used before, so no state leaks from one run into the next.
 * Warm from the pool when the run needs nothing special; started for the run when it needs its own working
 * directory.
 */
public final class FreshKernels {

    private final KernelPool pool;
    private final KernelLauncher launcher;

    public FreshKernels(KernelPool pool, KernelLauncher launcher) {
        this.pool = pool;
        this.launcher = launcher;
    }

    /**
     * @throws io.quire.runtime.kernel.KernelLaunchException when no kernel can be started
     */
    public RunningKernel take(KernelSpec spec, Path workingDirectory) {
        return workingDirectory == null ? pool.take(spec) : launcher.start(spec, workingDirectory);
    }
}
