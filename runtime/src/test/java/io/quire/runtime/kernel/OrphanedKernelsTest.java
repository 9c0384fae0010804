package io.quire.runtime.kernel;

import io.quire.kernel.spec.KernelSpec;
import io.quire.runtime.testing.Python3Kernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A Quire killed without stopping its kernels: the next launcher on the same directory stops them. */
class OrphanedKernelsTest {

    @TempDir
    Path kernels;

    @Test
    void aNewLauncherStopsTheKernelsAnEarlierOneLeftRunning() {
        KernelSpec python3 = Python3Kernels.spec();
        // Launcher A "dies": neither it nor its kernel is closed, only the client (a dead JVM holds no sockets).
        RunningKernel orphan = Python3Kernels.launcher(kernels).start(python3);
        long orphanPid = Python3Kernels.pid(orphan);
        orphan.client().close();
        assertThat(ProcessHandle.of(orphanPid)).isPresent();

        try (LocalKernelLauncher launcherB = Python3Kernels.launcher(kernels)) {
            assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive))
                    .as("the orphaned kernel (pid %d) once launcher B has started", orphanPid).isEmpty();

            try (RunningKernel kernel = launcherB.start(python3)) {
                assertThat(Python3Kernels.stdout(kernel, "print('fine')")).isEqualTo("fine\n");
            }
        }
    }
}
