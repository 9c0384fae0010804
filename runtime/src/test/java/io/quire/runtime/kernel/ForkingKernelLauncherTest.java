package io.quire.runtime.kernel;

import io.quire.kernel.message.ExecuteReply;
import io.quire.kernel.message.ExecuteRequest;
import io.quire.kernel.message.ReplyStatus;
import io.quire.kernel.message.StreamOutput;
import io.quire.kernel.spec.KernelSpec;
import io.quire.runtime.testing.Await;
import io.quire.runtime.testing.Python3Kernels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Kernels forked from a nursery behave as spawned ones: isolated, interruptible, stopped, never left behind. */
class ForkingKernelLauncherTest {

    private static KernelSpec python3;

    @TempDir
    Path kernels;

    @BeforeAll
    static void findKernelspec() {
        python3 = Python3Kernels.spec();
    }

    @Test
    void aForkedKernelRunsCodeAndLeavesNoProcessRecordNorZombieWhenClosed() {
        try (ForkingKernelLauncher launcher = Python3Kernels.forkingLauncher(kernels)) {
            RunningKernel kernel = launcher.start(python3);
            assertThat(kernel.process()).isInstanceOf(ForkedKernelProcess.class);
            long pid = Python3Kernels.pid(kernel);
            assertThat(((ForkedKernelProcess) kernel.process()).pid()).isEqualTo(pid);
            long nursery = ProcessHandle.of(pid).flatMap(ProcessHandle::parent).orElseThrow().pid();
            assertThat(Python3Kernels.stdout(kernel, "print(1 + 1)")).isEqualTo("2\n");
            Python3Kernels.stdout(kernel, "import sys; print('diag', file=sys.__stderr__, flush=True)");
            // ipykernel captures fd 2 through a pipe and echoes it to the log from a thread of its own: the line
            // reaches the log some time after the cell's reply.
            Await.until("the kernel's stderr is in its log", Duration.ofSeconds(5),
                    () -> kernel.process().recentOutput().contains("diag"));

            kernel.close();

            assertThat(kernel.process().isAlive()).isFalse();
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("kernel process %d", pid).isEmpty();
            Await.until("the kernel's record and connection file are removed", Duration.ofSeconds(5),
                    () -> list(kernels.resolve("records")).isEmpty()
                            && !Files.exists(kernels.resolve(kernel.id()).resolve("connection.json")));
            assertThat(kernel.process().recentOutput()).as("the log, kept after close").contains("diag");
            assertThat(zombieChildren(nursery)).as("zombie children of the nursery").isEmpty();
        }
    }

    @Test
    void eachKernelHasItsOwnNamespaceWorkingDirectoryAndEnvironment() throws IOException {
        Path first = Files.createDirectories(kernels.resolve("work-1"));
        Path second = Files.createDirectories(kernels.resolve("work-2"));
        Files.writeString(second.resolve("helper_beside.py"), "ANSWER = 42\n");
        try (ForkingKernelLauncher launcher = Python3Kernels.forkingLauncher(kernels);
             RunningKernel one = launcher.start(python3, first)) {
            Python3Kernels.stdout(one, "secret = 'one'");
            try (RunningKernel two = launcher.start(python3, second)) {
                assertThat(Python3Kernels.stdout(two, "print('secret' in globals())")).isEqualTo("False\n");
                assertThat(Python3Kernels.stdout(two, "import os; print(os.getcwd())"))
                        .isEqualTo(second.toRealPath() + "\n");
                assertThat(Python3Kernels.stdout(two, "import helper_beside; print(helper_beside.ANSWER)"))
                        .as("a module beside the notebook imports, as with `python -m ipykernel_launcher`")
                        .isEqualTo("42\n");
                assertThat(Python3Kernels.stdout(two, "print(os.environ.get('PYDEVD_DISABLE_FILE_VALIDATION'))"))
                        .isEqualTo("1\n");
                assertThat(Python3Kernels.stdout(two, "print(os.environ.get('PATH') == " + pythonString(
                        System.getenv("PATH")) + ")")).isEqualTo("True\n");
                assertThat(Python3Kernels.pid(two)).isNotEqualTo(Python3Kernels.pid(one));
            }
            assertThat(Python3Kernels.stdout(one, "import os; print(secret, os.getcwd())"))
                    .isEqualTo("one " + first.toRealPath() + "\n");
        }
    }

    @Test
    void anInterruptStopsALongCellAndTheKernelRunsOn() throws Exception {
        try (ForkingKernelLauncher launcher = Python3Kernels.forkingLauncher(kernels);
             RunningKernel kernel = launcher.start(python3)) {
            CountDownLatch printed = new CountDownLatch(1);
            CompletableFuture<ExecuteReply> sleeping = kernel.client().execute(
                    ExecuteRequest.of("import time; print('sleeping', flush=True); time.sleep(60)"), output -> {
                        if (output instanceof StreamOutput stream && stream.text().contains("sleeping")) {
                            printed.countDown();
                        }
                    });
            // Wait for the cell's own output: an interrupt that arrives before ipykernel runs the code is ignored.
            assertThat(printed.await(30, TimeUnit.SECONDS)).as("the cell printed").isTrue();
            kernel.client().interrupt().get(5, TimeUnit.SECONDS);

            ExecuteReply reply = sleeping.get(10, TimeUnit.SECONDS);
            assertThat(reply.status()).isEqualTo(ReplyStatus.ERROR);
            assertThat(reply.ename()).isEqualTo("KeyboardInterrupt");
            // ipykernel aborts requests that arrive just after an error (stop_on_error), so ask until one runs.
            Await.until("the kernel runs code after the interrupt", Duration.ofSeconds(10), () -> {
                try {
                    return kernel.client().execute(ExecuteRequest.of("pass"), output -> { })
                            .get(10, TimeUnit.SECONDS).status() == ReplyStatus.OK;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        }
    }

    @Test
    void aKilledKernelIsSeenToExit() throws Exception {
        try (ForkingKernelLauncher launcher = Python3Kernels.forkingLauncher(kernels);
             RunningKernel kernel = launcher.start(python3)) {
            long pid = Python3Kernels.pid(kernel);
            kernel.process().kill();
            assertThat(kernel.process().onExit()).isDone();
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        }
    }

    @Test
    void eightKernelsStartedAtOnceAllAnswer() throws Exception {
        int count = 8;
        ExecutorService threads = Executors.newFixedThreadPool(count);
        List<Long> pids = new ArrayList<>();
        try (ForkingKernelLauncher launcher = Python3Kernels.forkingLauncher(kernels)) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<RunningKernel>> starts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                starts.add(threads.submit(() -> {
                    go.await();
                    return launcher.start(python3);
                }));
            }
            go.countDown();
            for (Future<RunningKernel> start : starts) {
                RunningKernel kernel = start.get();
                assertThat(Python3Kernels.stdout(kernel, "print(6 * 7)")).isEqualTo("42\n");
                pids.add(Python3Kernels.pid(kernel));
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(pids).doesNotHaveDuplicates().allSatisfy(pid -> assertThat(
                ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("kernel %d after close", pid).isEmpty());
        Await.until("every kernel's record is removed", Duration.ofSeconds(5),
                () -> list(kernels.resolve("records")).isEmpty());
    }

    @Test
    void aKilledNurseryIsStartedAgainAndItsKernelsRunOn() throws Exception {
        try (ForkingKernelLauncher launcher = Python3Kernels.forkingLauncher(kernels);
             RunningKernel before = launcher.start(python3)) {
            long pid = Python3Kernels.pid(before);
            ProcessHandle nursery = ProcessHandle.of(pid).flatMap(ProcessHandle::parent).orElseThrow();
            nursery.destroyForcibly();
            nursery.onExit().get(10, TimeUnit.SECONDS);

            try (RunningKernel after = launcher.start(python3)) {
                assertThat(after.process()).isInstanceOf(ForkedKernelProcess.class);
                long newNursery = ProcessHandle.of(Python3Kernels.pid(after)).flatMap(ProcessHandle::parent)
                        .orElseThrow().pid();
                assertThat(newNursery).isNotEqualTo(nursery.pid());
                assertThat(Python3Kernels.stdout(before, "print('orphan fine')")).isEqualTo("orphan fine\n");
            }
            before.close();
            assertThat(before.process().isAlive()).as("the kernel of the dead nursery, once closed").isFalse();
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        }
    }

    @Test
    void anUnrecognisedKernelspecIsSpawned() throws IOException {
        Path specDirectory = Files.createDirectories(kernels.resolve("specs/plain"));
        Files.writeString(specDirectory.resolve(KernelSpec.FILE_NAME), """
                {"argv": ["/usr/bin/python3", "-Xfrozen_modules=off", "-m", "ipykernel_launcher",
                          "-f", "{connection_file}"],
                 "display_name": "Plain", "language": "python"}
                """);
        try (ForkingKernelLauncher launcher = Python3Kernels.forkingLauncher(kernels.resolve("state"));
             RunningKernel kernel = launcher.start(KernelSpec.read("plain", specDirectory))) {
            assertThat(kernel.process()).isInstanceOf(LocalKernelProcess.class);
            assertThat(Python3Kernels.stdout(kernel, "print('spawned')")).isEqualTo("spawned\n");
        }
    }

    /** The children of {@code pid} in state Z (exited, not reaped), from /proc. */
    private static List<Long> zombieChildren(long pid) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().matches("\\d+")).flatMap(p -> {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    return fields[0].equals("Z") && Long.parseLong(fields[1]) == pid
                            ? Stream.of(Long.parseLong(p.getFileName().toString())) : Stream.empty();
                } catch (IOException e) {
                    return Stream.empty(); // exited while listed
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pythonString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static List<String> list(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
