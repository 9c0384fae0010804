package io.quire.runtime.kernel;

import io.quire.kernel.spec.KernelSpec;
import io.quire.runtime.testing.Await;
import io.quire.runtime.testing.Python3Kernels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kernels outlive the Quire that started them if it is killed. The next launcher on the same directory stops such
 * orphans, and only those: the kernels of a Quire still running (several processes may share a data directory
 * when their events are in PostgreSQL) are not orphans. Each Quire here is a JVM of its own.
 */
class OrphanedKernelsTest {

    private static KernelSpec python3;

    @TempDir
    Path directory;

    @BeforeAll
    static void findKernelspec() {
        python3 = Python3Kernels.spec();
    }

    @Test
    void aNewLauncherStopsTheKernelsOfAKilledQuireAndStartsItsOwn() throws Exception {
        Path kernels = directory.resolve("kernels");
        try (KernelOwner killed = KernelOwner.start(kernels, directory.resolve("owner.log"))) {
            killed.kill();
            assertThat(alive(killed.kernelPid())).as("the orphaned kernel, before a new launcher starts").isTrue();

            try (LocalKernelLauncher launcher = Python3Kernels.launcher(kernels)) {
                // The new launcher sends SIGKILL as it starts; the process is gone a moment later.
                Await.until("the orphaned kernel (pid " + killed.kernelPid() + ") is gone", Duration.ofSeconds(5),
                        () -> !alive(killed.kernelPid()));
                try (RunningKernel kernel = launcher.start(python3)) {
                    assertThat(Python3Kernels.stdout(kernel, "print('fine')")).isEqualTo("fine\n");
                }
            }
        }
    }

    @Test
    void aNewLauncherStopsTheForkedKernelsOfAKilledQuire() throws Exception {
        Path kernels = directory.resolve("kernels");
        try (KernelOwner killed = KernelOwner.start(kernels, directory.resolve("owner.log"), true)) {
            killed.kill();
            assertThat(alive(killed.kernelPid())).as("the orphaned forked kernel").isTrue();

            try (ForkingKernelLauncher launcher = Python3Kernels.forkingLauncher(kernels)) {
                Await.until("the orphaned kernel (pid " + killed.kernelPid() + ") is gone", Duration.ofSeconds(5),
                        () -> !alive(killed.kernelPid()));
                try (RunningKernel kernel = launcher.start(python3)) {
                    assertThat(Python3Kernels.stdout(kernel, "print('fine')")).isEqualTo("fine\n");
                }
            }
        }
    }

    @Test
    void aNewLauncherLeavesTheKernelsOfAQuireStillRunningAlone() throws Exception {
        Path kernels = directory.resolve("kernels");
        try (KernelOwner running = KernelOwner.start(kernels, directory.resolve("owner.log"))) {
            try (LocalKernelLauncher launcher = Python3Kernels.launcher(kernels)) {
                assertThat(running.ping()).as("the other Quire's kernel, once a second launcher has started")
                        .isEqualTo("pong");
            }
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
