package io.quire.runtime.testing;

import io.quire.kernel.message.ExecuteReply;
import io.quire.kernel.message.ExecuteRequest;
import io.quire.kernel.message.ReplyStatus;
import io.quire.kernel.message.StreamOutput;
import io.quire.kernel.spec.KernelSpec;
import io.quire.kernel.spec.KernelSpecFinder;
import io.quire.runtime.kernel.ForkingKernelLauncher;
import io.quire.runtime.kernel.LocalKernelLauncher;
import io.quire.runtime.kernel.RunningKernel;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Debian's ipykernel ({@code python3-ipykernel}), as the tests start it: its kernelspec from /usr/share/jupyter,
 * through the real {@link LocalKernelLauncher}, with the debugger's frozen-modules warning silenced.
 *
 * <p>Without that kernelspec a test is skipped with a message saying what to install, except in CI
 * ({@code CI=true}), where it fails.
 */
public final class Python3Kernels {

    private static final Path SYSTEM_KERNELS = Path.of("/usr/share/jupyter/kernels");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EXECUTION_TIMEOUT = Duration.ofSeconds(30);

    private Python3Kernels() {
    }

    /** The python3 kernelspec, or the test is skipped (failed in CI). */
    public static KernelSpec spec() {
        try {
            return new KernelSpecFinder(List.of(SYSTEM_KERNELS)).find("python3")
                    .orElseGet(() -> missing("no python3 kernelspec in " + SYSTEM_KERNELS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KernelSpec missing(String what) {
        String message = what + ": apt-get install python3-ipykernel";
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    /** A launcher keeping its kernels' files in {@code kernelsDirectory}. */
    public static LocalKernelLauncher launcher(Path kernelsDirectory) {
        return new LocalKernelLauncher(kernelsDirectory, START_TIMEOUT,
                Map.of("PYDEVD_DISABLE_FILE_VALIDATION", "1"));
    }

    /** A launcher that forks ipykernel kernels from a pre-imported interpreter, files in {@code kernelsDirectory}. */
    public static ForkingKernelLauncher forkingLauncher(Path kernelsDirectory) {
        return new ForkingKernelLauncher(kernelsDirectory, START_TIMEOUT,
                Map.of("PYDEVD_DISABLE_FILE_VALIDATION", "1"));
    }

    /** Runs {@code code} on {@code kernel}, requires it to succeed, and returns what it printed on stdout. */
    public static String stdout(RunningKernel kernel, String code) {
        StringBuilder out = new StringBuilder();
        ExecuteReply reply;
        try {
            // The listener runs on the client's I/O thread, and the future completes there after every output.
            reply = kernel.client().execute(ExecuteRequest.of(code), output -> {
                if (output instanceof StreamOutput stream && stream.name().equals("stdout")) {
                    synchronized (out) {
                        out.append(stream.text());
                    }
                }
            }).get(EXECUTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("running `" + code + "` failed: " + e, e);
        }
        assertThat(reply.status()).as("reply to `%s`: %s %s", code, reply.ename(), reply.evalue())
                .isEqualTo(ReplyStatus.OK);
        synchronized (out) {
            return out.toString();
        }
    }

    /** The kernel's own process id, as {@code os.getpid()} says. */
    public static long pid(RunningKernel kernel) {
        return Long.parseLong(stdout(kernel, "import os; print(os.getpid())").strip());
    }
}
