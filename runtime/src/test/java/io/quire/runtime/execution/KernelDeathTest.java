package io.quire.runtime.execution;

import io.quire.domain.notebook.ExecutionOutcome;
import io.quire.domain.notebook.event.ExecutionEnded;
import io.quire.domain.notebook.event.OutputProduced;
import io.quire.kernel.spec.KernelSpec;
import io.quire.runtime.kernel.LocalKernelLauncher;
import io.quire.runtime.kernel.RunningKernel;
import io.quire.runtime.testing.Await;
import io.quire.runtime.testing.InMemoryNotebooks;
import io.quire.runtime.testing.Python3Kernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class KernelDeathTest {

    private static final String USER = "grace";

    @TempDir
    Path kernels;

    @Test
    void aKernelKilledMidCellEndsItAsKernelDiedAndTheNotebookGoesOnOnANewKernel() throws Exception {
        KernelSpec python3 = Python3Kernels.spec();
        try (LocalKernelLauncher launcher = Python3Kernels.launcher(kernels);
             InMemoryNotebooks notebooks = new InMemoryNotebooks()) {
            CellRunner runner = notebooks.cellRunner();
            String notebookId = notebooks.create(USER);
            String sleeper = notebooks.addCodeCell(notebookId, "import time\nprint('sleeping', flush=True)\n"
                    + "time.sleep(60)", USER);
            RunningKernel doomed = launcher.start(python3);
            long pid = Python3Kernels.pid(doomed);

            CompletableFuture<CellRunner.Result> running = runner.run(notebookId, sleeper, USER, doomed);
            Await.until("the cell is sleeping", Duration.ofSeconds(30), () -> printed(notebooks, notebookId,
                    "sleeping"));
            ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL, as kill -9
            CellRunner.Result died = running.get(30, TimeUnit.SECONDS);
            doomed.close();

            assertThat(died.outcome()).isEqualTo(ExecutionOutcome.KERNEL_DIED);
            assertThat(notebooks.events(notebookId, ExecutionEnded.class)).singleElement()
                    .satisfies(ended -> assertThat(ended.outcome()).isEqualTo(ExecutionOutcome.KERNEL_DIED));

            String next = notebooks.addCodeCell(notebookId, "print('after the restart')", USER);
            try (RunningKernel restarted = launcher.start(python3)) {
                CellRunner.Result result = runner.run(notebookId, next, USER, restarted).get(30, TimeUnit.SECONDS);
                assertThat(result.outcome()).isEqualTo(ExecutionOutcome.OK);
            }
            assertThat(printed(notebooks, notebookId, "after the restart")).isTrue();
        }
    }

    private static boolean printed(InMemoryNotebooks notebooks, String notebookId, String text) {
        return notebooks.events(notebookId, OutputProduced.class).stream()
                .anyMatch(output -> output.output().path("text").asText().contains(text));
    }
}
