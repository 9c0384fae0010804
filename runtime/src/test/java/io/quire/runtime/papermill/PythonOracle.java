package io.quire.runtime.papermill;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Debian's {@code /usr/bin/python3} as the reference for Python's own behaviour: a script runs with the given text
 * on stdin and its stdout is returned. Without that python (or the module a script needs) a test is skipped, except
 * in CI ({@code CI=true}), where it fails.
 */
public final class PythonOracle {

    static final Path PYTHON = Path.of("/usr/bin/python3");

    private PythonOracle() {
    }

    /** Skips (fails in CI) unless Debian's python can import {@code module}. */
    public static void require(String module) {
        boolean present = Files.isExecutable(PYTHON);
        if (present) {
            try {
                run("import " + module, "");
            } catch (AssertionError e) {
                present = false;
            }
        }
        if (!present) {
            String message = PYTHON + " cannot import " + module + ": apt-get install python3 python3-yaml";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
    }

    /** Runs {@code script} with {@code stdin}; fails the test when it exits non-zero. UTF-8 both ways. */
    public static String run(String script, String stdin) {
        try {
            Process process = new ProcessBuilder(PYTHON.toString(), "-c", script)
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process, false));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process, true));
            try (var in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("python did not finish in 60 s: " + script);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("python failed (" + process.exitValue() + "): "
                        + new String(err.get(), StandardCharsets.UTF_8));
            }
            return new String(out.get(), StandardCharsets.UTF_8);
        } catch (IOException | InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError("cannot run " + PYTHON + ": " + e, e);
        }
    }

    private static byte[] readAll(Process process, boolean stderr) {
        try {
            return (stderr ? process.getErrorStream() : process.getInputStream()).readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
