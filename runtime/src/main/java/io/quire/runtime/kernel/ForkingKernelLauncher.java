package io.quire.runtime.kernel;

import io.quire.kernel.spec.KernelSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Starts ipykernel kernels by forking an interpreter that has already imported ipykernel (a "nursery", one per
 * interpreter, started on first use), so a kernel start costs a fork and the app's own set-up instead of the
 * imports (~30 ms of CPU instead of ~550 ms here). Every other kernel, and any kernel when its nursery cannot be
 * had, starts as {@link LocalKernelLauncher} starts it; files, records, orphan clean-up and the readiness handshake
 * are the same.
 *
 * <p>Differences from a spawned kernel: {@code PYTHON*} variables act only when the nursery starts (kernelspecs
 * that set them are spawned), and every forked kernel shares the nursery's hash seed.
 */
public final class ForkingKernelLauncher implements KernelLauncher {

    private final LocalKernelLauncher launcher;

    /**
     * @param kernelsDirectory where kernels' connection files, logs and records go ({@code DATA/kernels}), and
     *                         the nurseries' scripts and logs
     * @param startTimeout     how long a kernel may take to answer its first request (and a nursery to start)
     * @param extraEnvironment variables added to every kernel's environment (and the nurseries')
     */
    public ForkingKernelLauncher(Path kernelsDirectory, Duration startTimeout, Map<String, String> extraEnvironment) {
        this.launcher = new LocalKernelLauncher(kernelsDirectory, startTimeout, extraEnvironment,
                new ForkingProcessStarter(kernelsDirectory.resolve("nurseries"), extraEnvironment, startTimeout));
    }

    /** @throws KernelLaunchException also once {@link #close()} has begun */
    @Override
    public RunningKernel start(KernelSpec spec) {
        return launcher.start(spec);
    }

    /** @param workingDirectory null: the kernel's own directory under {@code DATA/kernels} */
    @Override
    public RunningKernel start(KernelSpec spec, Path workingDirectory) {
        return launcher.start(spec, workingDirectory);
    }

    /** Stops every kernel still running, then the nurseries. */
    @Override
    public void close() {
        launcher.close();
    }
}
