package io.quire.gateway.http.kernels;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * What the kernel API tests need: Debian's ipykernel and its python3 kernelspec. Missing, a test is skipped with a
 * message saying what to install, except in CI ({@code CI=true}), where it fails.
 */
public final class KernelPrerequisites {

    public static final Path PYTHON3_KERNELSPEC = Path.of("/usr/share/jupyter/kernels/python3");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static Boolean present;
    private static Boolean jupyterServer;

    private KernelPrerequisites() {
    }

    public static synchronized void require() {
        if (present == null) {
            present = Files.isRegularFile(PYTHON3_KERNELSPEC.resolve("kernel.json")) && imports("ipykernel");
        }
        if (!present) {
            String message = "needs Debian's ipykernel and its kernelspec in " + PYTHON3_KERNELSPEC
                    + ": apt-get install python3-ipykernel";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
    }

    /** Debian's jupyter-server (for the Kernel Gateway mode test), besides what {@link #require()} checks. */
    public static synchronized void requireJupyterServer() {
        require();
        if (jupyterServer == null) {
            jupyterServer = imports("jupyter_server");
        }
        if (!jupyterServer) {
            String message = "needs Debian's jupyter-server (/usr/bin/python3 -m jupyter_server):"
                    + " apt-get install jupyter-server";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
    }

    private static boolean imports(String module) {
        try {
            Process python = new ProcessBuilder(PYTHON.toString(), "-c", "import " + module)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return python.waitFor(60, TimeUnit.SECONDS) && python.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
