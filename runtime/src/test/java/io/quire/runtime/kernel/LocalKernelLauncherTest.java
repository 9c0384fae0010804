package io.quire.runtime.kernel;

import io.quire.kernel.connection.ConnectionInfo;
import io.quire.kernel.spec.KernelSpec;
import io.quire.kernel.wire.Channel;
import io.quire.runtime.testing.Await;
import io.quire.runtime.testing.Python3Kernels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalKernelLauncherTest {

    private static KernelSpec python3;

    @TempDir
    Path kernels;

    @BeforeAll
    static void findKernelspec() {
        python3 = Python3Kernels.spec();
    }

    @Test
    void aClosedKernelLeavesNoProcessNorRecordButKeepsItsLog() throws IOException {
        try (LocalKernelLauncher launcher = Python3Kernels.launcher(kernels)) {
            RunningKernel kernel = launcher.start(python3);
            long pid = ((LocalKernelProcess) kernel.process()).pid();
            Path directory = kernels.resolve(kernel.id());
            assertThat(records()).containsExactly(kernel.id() + ".kernel.json");
            assertThat(directory.resolve("connection.json")).isRegularFile();

            assertThat(Python3Kernels.stdout(kernel, "print(1 + 1)")).isEqualTo("2\n");
            Python3Kernels.stdout(kernel, "import sys; print('diag', file=sys.__stderr__, flush=True)");
            // ipykernel captures fd 2 through a pipe and echoes it to the log from a thread of its own: the line
            // reaches the log some time after the cell's reply.
            Await.until("the kernel's stderr is in its log", Duration.ofSeconds(5),
                    () -> kernel.process().recentOutput().contains("diag"));
            kernel.close();

            assertThat(kernel.process().isAlive()).isFalse();
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("kernel process %d", pid).isEmpty();
            // The clean-up runs as the process exits, so it may finish just after close() returns.
            Await.until("the kernel's record and connection file (it holds the key) are removed",
                    Duration.ofSeconds(5), () -> records().isEmpty()
                            && !Files.exists(directory.resolve("connection.json")));
            assertThat(directory.resolve("kernel.log")).content().contains("diag");
            assertThat(kernel.process().recentOutput()).contains("diag");
        }
    }

    @Test
    void kernelsStartedAtOnceGetDistinctPortsAndAllAnswer() throws Exception {
        int count = 4;
        List<Long> pids = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try (LocalKernelLauncher launcher = Python3Kernels.launcher(kernels)) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<RunningKernel>> starts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                starts.add(threads.submit(() -> {
                    go.await();
                    return launcher.start(python3);
                }));
            }
            go.countDown();
            List<RunningKernel> started = new ArrayList<>();
            for (Future<RunningKernel> start : starts) {
                started.add(start.get());
            }

            List<Integer> ports = started.stream().flatMap(kernel -> ports(kernel).stream()).toList();
            assertThat(ports).hasSize(5 * count).doesNotHaveDuplicates();
            for (RunningKernel kernel : started) {
                assertThat(Python3Kernels.stdout(kernel, "print(6 * 7)")).isEqualTo("42\n");
                pids.add(((LocalKernelProcess) kernel.process()).pid());
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                .as("kernel process %d after the launcher closed", pid).isEmpty());
        Await.until("every kernel's record is removed", Duration.ofSeconds(5), () -> records().isEmpty());
    }

    /**
     * Another program took one of the kernel's ports before it bound them. ipykernel does not exit then: without iopub
     * it hangs, without its heartbeat it runs on (and is found dead later). The launcher must see it at once and start
     * the kernel again on new ports; without that, the iopub case waits for the start timeout (here far beyond the
     * test's own), and the heartbeat case hands out a kernel without a heartbeat.
     */
    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"IOPUB", "HEARTBEAT"})
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aKernelWhosePortWasTakenMeanwhileIsStartedAgainOnNewPorts(Channel victim) throws IOException {
        PortTakingStarter starter = new PortTakingStarter(victim);
        try (LocalKernelLauncher launcher = new LocalKernelLauncher(kernels, Duration.ofMinutes(10),
                Map.of("PYDEVD_DISABLE_FILE_VALIDATION", "1"), starter)) {
            RunningKernel kernel = launcher.start(python3);

            assertThat(ports(kernel)).doesNotContain(starter.takenPort());
            assertThat(Python3Kernels.stdout(kernel, "print(6 * 7)")).isEqualTo("42\n");
            assertThat(starter.firstLog()).content().contains("Address already in use");
        }
    }

    /**
     * A kernel that printed ipykernel's banner (its sockets are bound) but does not answer is given up after the
     * silence limit and started again on new ports: the first start of this kernelspec prints the banner and hangs,
     * the second runs ipykernel.
     */
    @Test
    void aKernelSilentAfterSayingItListensIsStartedAgain() throws IOException {
        Path hung = kernels.resolve("hung-once");
        Path specDirectory = Files.createDirectories(kernels.resolve("specs/hangs-once"));
        Files.writeString(specDirectory.resolve(KernelSpec.FILE_NAME), """
                {"argv": ["/usr/bin/python3", "-c",
                          "import os, sys, time\\nif not os.path.exists(sys.argv[2]):\\n    open(sys.argv[2], 'w').close()\\n    print('%s, use: ...', flush=True)\\n    time.sleep(600)\\nos.execv('/usr/bin/python3', ['python3', '-m', 'ipykernel_launcher', '-f', sys.argv[1]])",
                          "{connection_file}", "%s"],
                 "display_name": "Hangs once", "language": "python"}
                """.formatted(LocalKernelLauncher.LISTENING_BANNER, hung));
        KernelSpec hangsOnce = KernelSpec.read("hangs-once", specDirectory);

        try (LocalKernelLauncher launcher = new LocalKernelLauncher(kernels.resolve("state"), Duration.ofMinutes(2),
                Map.of("PYDEVD_DISABLE_FILE_VALIDATION", "1"), new SpawningProcessStarter(), Duration.ofSeconds(2))) {
            RunningKernel kernel = launcher.start(hangsOnce);

            assertThat(hung).as("the first start hung").exists();
            assertThat(Python3Kernels.stdout(kernel, "print(6 * 7)")).isEqualTo("42\n");
            Await.until("only the second kernel is recorded", Duration.ofSeconds(5),
                    () -> list(kernels.resolve("state/records")).equals(List.of(kernel.id() + ".kernel.json")));
        }
    }

    @Test
    void aKernelThatCannotStartIsReportedWithItsOwnLastWords() throws IOException {
        Path specDirectory = Files.createDirectories(kernels.resolve("specs/broken"));
        Files.writeString(specDirectory.resolve(KernelSpec.FILE_NAME), """
                {"argv": ["/usr/bin/python3", "-c",
                          "import sys; sys.exit('cannot load the kernel module quire_missing')",
                          "{connection_file}"],
                 "display_name": "Broken", "language": "python"}
                """);
        KernelSpec broken = KernelSpec.read("broken", specDirectory);

        try (LocalKernelLauncher launcher = Python3Kernels.launcher(kernels.resolve("state"))) {
            assertThatThrownBy(() -> launcher.start(broken)).isInstanceOf(KernelLaunchException.class)
                    .hasMessageContaining("broken")
                    .hasMessageContaining("cannot load the kernel module quire_missing");
        }
        Await.until("the failed kernel's record is removed", Duration.ofSeconds(5),
                () -> list(kernels.resolve("state/records")).isEmpty());
    }

    private List<Integer> ports(RunningKernel kernel) {
        try {
            ConnectionInfo info = ConnectionInfo.read(kernels.resolve(kernel.id()).resolve("connection.json"));
            return Arrays.stream(Channel.values()).map(info::port).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> records() {
        return list(kernels.resolve("records"));
    }

    private static List<String> list(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
