package io.quire.gateway.runs;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What the run tests need: Debian's python3 kernel and nbformat, and papermill's notebooks in
 * {@code ../shared/corpus/papermill}. Missing, the tests are skipped with a message, except in CI ({@code CI=true}),
 * where they fail.
 */
final class RunPrerequisites {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path KERNELSPEC = Path.of("/usr/share/jupyter/kernels/python3/kernel.json");

    private RunPrerequisites() {
    }

    /** {@code ../shared/corpus/papermill} from the repository root, the parent of the module's directory. */
    static Path corpus() {
        return Path.of("").toAbsolutePath().getParent().resolve("../shared/corpus/papermill").normalize();
    }

    static void requireKernelAndCorpus() {
        if (!Files.isRegularFile(KERNELSPEC)) {
            missing("no python3 kernelspec at " + KERNELSPEC + ": apt-get install python3-ipykernel");
        }
        if (!Files.isRegularFile(corpus().resolve("EXPECTED.md"))) {
            missing("no papermill corpus at " + corpus());
        }
    }

    /** Validates a notebook file with Debian's nbformat ({@code nbformat.validate}). */
    static void validateWithNbformat(Path notebook) throws IOException {
        if (!Files.isExecutable(PYTHON)) {
            missing("no " + PYTHON + ": apt-get install python3-nbformat");
        }
        Process python = new ProcessBuilder(PYTHON.toString(), "-c",
                "import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4)); print('valid')",
                notebook.toString()).redirectErrorStream(true).start();
        try {
            assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String said = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(said).as("nbformat.validate of " + notebook).contains("valid");
        assertThat(python.exitValue()).as(said).isZero();
    }

    private static void missing(String message) {
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }
}
