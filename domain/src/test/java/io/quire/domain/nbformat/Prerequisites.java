package io.quire.domain.nbformat;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * What these tests check Quire against, from outside the repository: Debian's python3 with nbformat 5.5 (the
 * reference implementation) and nbformat's own 4.5 schema. Where one is missing a test is skipped, except on CI
 * ({@code CI=true}), where it fails: CI must run every test.
 */
final class Prerequisites {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path SCHEMA_4_5 = Path.of("/usr/lib/python3/dist-packages/nbformat/v4/nbformat.v4.5.schema.json");
    private static final String INSTALL = "apt-get install python3-nbformat";

    private static Boolean nbformatImports;

    private Prerequisites() {
    }

    /** Debian's python3 must be able to import nbformat. */
    static synchronized void requireNbformat() {
        if (nbformatImports == null) {
            nbformatImports = Files.isExecutable(PYTHON) && exec(List.of("-c", "import nbformat")).exitCode() == 0;
        }
        if (!nbformatImports) {
            missing(PYTHON + " cannot import nbformat: " + INSTALL);
        }
    }

    /** nbformat's 4.5 schema must be installed where Debian's package puts it. */
    static void requireSchema() {
        if (!Files.isReadable(SCHEMA_4_5)) {
            missing("nbformat's 4.5 schema is not at " + SCHEMA_4_5 + ": " + INSTALL);
        }
    }

    /** Fails on CI, skips elsewhere. */
    static void missing(String message) {
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (CI=true: these tests must run, not be skipped)");
        }
        Assumptions.abort(message);
    }

    /**
     * Runs Debian's python3 with {@code args} and returns what it printed; fails the test, with that output, when
     * it exits with an error.
     */
    static String python(String... args) {
        Result result = exec(List.of(args));
        if (result.exitCode() != 0) {
            fail("python3 " + String.join(" ", args).lines().findFirst().orElse("") + " exited with "
                    + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }

    record Result(int exitCode, String output) {
    }

    private static Result exec(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(PYTHON.toString());
        command.addAll(args);
        Path log = null;
        try {
            log = Files.createTempFile("python", ".log");
            // Output goes to a file rather than a pipe: nothing to drain, so a chatty process cannot block.
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("python3 did not finish in 120 s: " + command);
            }
            return new Result(process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            if (log != null) {
                log.toFile().delete();
            }
        }
    }
}
