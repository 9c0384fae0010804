package io.quire.runtime.kernel;

import io.quire.kernel.spec.KernelSpec;
import io.quire.runtime.testing.Await;
import io.quire.runtime.testing.Python3Kernels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class KernelPoolTest {

    private static final Duration WARM_UP = Duration.ofSeconds(60);

    private static KernelSpec python3;

    @TempDir
    Path kernels;

    @BeforeAll
    static void findKernelspec() {
        python3 = Python3Kernels.spec();
    }

    @Test
    void takeHandsOutEachWarmKernelOnceAndRefills() {
        try (RecordingLauncher launcher = new RecordingLauncher(Python3Kernels.launcher(kernels));
             KernelPool pool = new KernelPool(launcher, 1)) {
            pool.prepare(python3);
            awaitWarm(pool);
            RunningKernel first = pool.take(python3);
            assertThat(first).as("the kernel warmed up before take").isSameAs(launcher.started.get(0));

            awaitWarm(pool);
            RunningKernel second = pool.take(python3);
            assertThat(second).as("the refilled kernel").isNotSameAs(first).isSameAs(launcher.started.get(1));

            try (first; second) {
                assertThat(Python3Kernels.stdout(first, "x = 'first'; print(x)")).isEqualTo("first\n");
                assertThat(Python3Kernels.stdout(second, "print('x' in globals())"))
                        .as("no state shared between kernels").isEqualTo("False\n");
            }
        }
    }

    @Test
    void closingThePoolStopsItsWarmKernels() {
        try (RecordingLauncher launcher = new RecordingLauncher(Python3Kernels.launcher(kernels))) {
            KernelPool pool = new KernelPool(launcher, 1);
            pool.prepare(python3);
            awaitWarm(pool);
            RunningKernel warm = launcher.started.get(0);

            pool.close();

            assertThat(warm.process().isAlive()).isFalse();
            assertThat(pool.warmCount(python3)).isZero();
        }
    }

    private static void awaitWarm(KernelPool pool) {
        Await.until("a warm python3 kernel in the pool", WARM_UP, () -> pool.warmCount(python3) == 1);
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
        public void close() {
            launcher.close();
        }
    }
}
