package io.quire.runtime.kernel;

import io.quire.kernel.spec.KernelSpec;
import io.quire.runtime.testing.Await;
import io.quire.runtime.testing.Python3Kernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class KernelPoolTest {

    private static final Duration WARM_UP = Duration.ofSeconds(60);

    @TempDir
    Path kernels;

    /** One story, as kernels are slow to start: warm, taken, taken again, refilled, closed. */
    @Test
    void takeHandsOutAWarmKernelAndNeverTheSameTwiceTheKernelIsReplacedAndClosingStopsTheWarmOne() {
        KernelSpec python3 = Python3Kernels.spec();
        try (RecordingLauncher launcher = new RecordingLauncher(Python3Kernels.launcher(kernels))) {
            KernelPool pool = new KernelPool(launcher, 1);
            pool.prepare(python3);
            awaitWarm(pool, python3);
            RunningKernel first = pool.take(python3);
            assertThat(first).as("the kernel warmed up before take").isSameAs(launcher.started.get(0));

            RunningKernel second = pool.take(python3); // while the first one is being replaced
            assertThat(second).isNotSameAs(first);
            try (first; second) {
                assertThat(Python3Kernels.stdout(first, "x = 'first'; print(x)")).isEqualTo("first\n");
                assertThat(Python3Kernels.stdout(second, "print('x' in globals())"))
                        .as("no state shared between the kernels handed out").isEqualTo("False\n");
            }

            awaitWarm(pool, python3);
            assertThat(launcher.started).hasSize(3);
            RunningKernel warm = launcher.started.stream().filter(k -> k != first && k != second).findFirst()
                    .orElseThrow();
            pool.close();
            assertThat(warm.process().isAlive()).as("the warm kernel once the pool is closed").isFalse();
            assertThat(pool.warmCount(python3)).isZero();
        }
    }

    private static void awaitWarm(KernelPool pool, KernelSpec spec) {
        Await.until("a warm python3 kernel in the pool", WARM_UP, () -> pool.warmCount(spec) == 1);
    }

    /** The real launcher, noting each kernel it starts. */
    private static final class RecordingLauncher implements KernelLauncher {

        private final KernelLauncher launcher;
        private final List<RunningKernel> started = new CopyOnWriteArrayList<>();

        RecordingLauncher(KernelLauncher launcher) {
            this.launcher = launcher;
        }

        @Override
        public RunningKernel start(KernelSpec spec) {
            RunningKernel kernel = launcher.start(spec);
            started.add(kernel);
            return kernel;
        }

        @Override
        public RunningKernel start(KernelSpec spec, java.nio.file.Path workingDirectory) {
            RunningKernel kernel = launcher.start(spec, workingDirectory);
            started.add(kernel);
            return kernel;
        }

        @Override
        public void close() {
            launcher.close();
        }
    }
}
