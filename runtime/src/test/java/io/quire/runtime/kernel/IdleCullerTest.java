package io.quire.runtime.kernel;

import io.quire.kernel.spec.KernelSpec;
import io.quire.runtime.testing.Await;
import io.quire.runtime.testing.Python3Kernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class IdleCullerTest {

    private static final Duration IDLE_TIMEOUT = Duration.ofMillis(300);
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(50);

    @TempDir
    Path kernels;

    @Test
    void aKernelIdlePastTheTimeoutIsStoppedAndReportedButABusyOneOnlyOnceItFinishes() {
        KernelSpec python3 = Python3Kernels.spec();
        List<RunningKernel> culled = new CopyOnWriteArrayList<>();
        Consumer<RunningKernel> failingOnTheFirstReport = kernel -> {
            culled.add(kernel);
            if (culled.size() == 1) {
                throw new IllegalStateException("a listener that fails must not stop the culling");
            }
        };
        try (LocalKernelLauncher launcher = Python3Kernels.launcher(kernels);
             IdleCuller culler = new IdleCuller(IDLE_TIMEOUT, CHECK_INTERVAL, failingOnTheFirstReport)) {
            CompletableFuture<RunningKernel> starting = CompletableFuture.supplyAsync(() -> launcher.start(python3));
            RunningKernel idle = launcher.start(python3);
            RunningKernel busy = starting.join();
            busy.started();  // used no later than the idle one: it passes the timeout first
            idle.touch();
            culler.watch(busy);
            culler.watch(idle);

            Await.until("the idle kernel is culled", Duration.ofSeconds(10), () -> culled.contains(idle));
            assertThat(idle.process().isAlive()).isFalse();
            Await.holdsThroughout("the busy kernel is not culled", CHECK_INTERVAL.multipliedBy(4),
                    () -> !culled.contains(busy) && busy.process().isAlive());

            busy.finished();
            Await.until("the kernel, idle once finished, is culled (after the listener failed once)",
                    Duration.ofSeconds(10),
                    () -> culled.contains(busy));
            assertThat(busy.process().isAlive()).isFalse();
            assertThat(culled).containsExactly(idle, busy);
        }
    }
}
