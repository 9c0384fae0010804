package io.quire.gateway.http;

import io.quire.gateway.Quire;
import io.quire.gateway.QuireSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Drives the gateway with JupyterLab's own client library, {@code @jupyterlab/services}, under Node: kernelspecs,
 * kernels, execution, stdin, comms with binary buffers, a second client, interrupt, restart, contents, checkpoints
 * and sessions. The JavaScript tests are in {@code src/test/js}; their dependencies come from the npm registry.
 */
class JupyterLabClientTest {

    private static final Path CLIENT_TESTS = Path.of("src", "test", "js").toAbsolutePath();

    @TempDir
    Path data;

    @Test
    void jupyterLabsClientLibraryWorksAgainstQuire() throws Exception {
        requireTools();
        installClientLibrary();
        try (Quire quire = Quire.start(QuireSettings.embedded(data), false);
             QuireServer server = QuireServer.start(quire, quire.users(), new ServerSettings("127.0.0.1", 0, "lab-token",
                     "ann", ServerSettings.DEFAULT_MAX_BODY_BYTES), Features.all(quire))) {
            ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-concurrency=1")
                    .directory(CLIENT_TESTS.toFile())
                    .redirectErrorStream(true);
            node.environment().put("QUIRE_URL", "http://127.0.0.1:" + server.port() + "/");
            node.environment().put("QUIRE_TOKEN", "lab-token");
            Process process = node.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean finished = process.waitFor(5, TimeUnit.MINUTES);
            System.out.println(output);
            assertThat(finished).as("node's tests finished in time").isTrue();
            assertThat(process.exitValue()).as("node --test exit code; its report:%n%s", output).isZero();
        }
    }

    private static void installClientLibrary() throws IOException, InterruptedException {
        if (Files.isDirectory(CLIENT_TESTS.resolve("node_modules/@jupyterlab/services"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund")
                .directory(CLIENT_TESTS.toFile()).redirectErrorStream(true).start();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            fail("npm install in " + CLIENT_TESTS + " failed:\n" + output);
        }
    }

    private static void requireTools() {
        for (List<String> probe : List.of(List.of("node", "--version"), List.of("npm", "--version"))) {
            boolean present;
            try {
                present = new ProcessBuilder(probe).start().waitFor() == 0;
            } catch (IOException | InterruptedException e) {
                present = false;
            }
            if (!present) {
                String message = probe.get(0) + " is needed to run JupyterLab's client library (Node 20 and npm)";
                if ("true".equals(System.getenv("CI"))) {
                    fail(message);
                }
                assumeTrue(false, message + ": skipping");
            }
        }
        if (!Files.isDirectory(Path.of("/usr/share/jupyter/kernels/python3"))) {
            String message = "the python3 kernel is missing: apt-get install python3-ipykernel";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            assumeTrue(false, message + ": skipping");
        }
    }
}
