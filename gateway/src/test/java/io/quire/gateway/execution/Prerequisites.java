package io.quire.gateway.execution;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * What the differential test needs from Debian's Python. Missing, the test is skipped with a message saying what to
 * install, except in CI ({@code CI=true}), where it fails.
 */
final class Prerequisites {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path PYTHON3_KERNELSPEC = Path.of("/usr/share/jupyter/kernels/python3/kernel.json");

    private Prerequisites() {
    }

    /** Debian's python3 kernel. */
    static void requireKernel() {
        if (!Files.isRegularFile(PYTHON3_KERNELSPEC)) {
            missing("no python3 kernelspec at " + PYTHON3_KERNELSPEC + ": apt-get install python3-ipykernel");
        }
    }

    /** Debian's python3 kernel and nbclient. */
    static void requireKernelAndNbclient() {
        requireKernel();
        if (!imports("nbclient", "nbformat", "jupyter_client")) {
            missing(PYTHON + " cannot import nbclient: apt-get install python3-nbclient python3-nbformat");
        }
    }

    private static boolean imports(String... modules) {
        try {
            Process python = new ProcessBuilder(PYTHON.toString(), "-c", "import " + String.join(", ", modules))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return python.waitFor(60, TimeUnit.SECONDS) && python.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void missing(String message) {
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }
}
