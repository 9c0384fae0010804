package io.quire.runtime.kernel;

import io.quire.kernel.spec.KernelSpec;
import io.quire.runtime.testing.Await;
import io.quire.runtime.testing.Python3Kernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

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
        assertThat(alive(orphanPid)).as("the orphan before launcher B starts").isTrue();

        try (LocalKernelLauncher launcherB = Python3Kernels.launcher(kernels)) {
            // B sends SIGKILL as it starts; the process is gone a moment later.
            Await.until("the orphaned kernel (pid " + orphanPid + ") is gone", Duration.ofSeconds(5),
                    () -> !alive(orphanPid));

            try (RunningKernel kernel = launcherB.start(python3)) {
                assertThat(Python3Kernels.stdout(kernel, "print('fine')")).isEqualTo("fine\n");
            }
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
