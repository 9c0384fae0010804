package io.quire.gateway.execution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference: Debian's nbclient running the notebooks in a Python process of its own
 * ({@code execution/nbclient_reference.py}), in the background while Quire runs them too.
 */
final class NbclientReference implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(20);

    private final Process python;
    private final Path out;
    private final Path log;

    private NbclientReference(Process python, Path out, Path log) {
        this.python = python;
        this.out = out;
        this.log = log;
    }

    /** Starts running {@code notebooks} in order; results are read with {@link #result}. */
    static NbclientReference start(List<Path> notebooks, Path directory) throws IOException {
        Path out = Files.createDirectories(directory.resolve("out"));
        Path work = Files.createDirectories(directory.resolve("work"));
        Path log = directory.resolve("nbclient.log");
        List<String> command = new ArrayList<>(List.of(Prerequisites.PYTHON.toString(),
                resource("nbclient_reference.py").toString(), resource("reset_kernel.py").toString(),
                work.toString(), out.toString()));
        notebooks.forEach(notebook -> command.add(notebook.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        return new NbclientReference(builder.start(), out, log);
    }

    static Path resource(String name) {
        try {
            return Path.of(NbclientReference.class.getResource("/execution/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The {@code index}-th notebook as nbclient left it, once it is written.
     *
     * @throws AssertionError when nbclient could not run it, or stopped, or took longer than {@code timeout}
     */
    byte[] result(int index, Duration timeout) throws IOException, InterruptedException {
        Path notebook = out.resolve(index + ".ipynb");
        Path error = out.resolve(index + ".error");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(notebook)) {
            if (Files.exists(error)) {
                throw new AssertionError("nbclient could not run it:\n" + Files.readString(error));
            }
            if (!python.isAlive() && !Files.exists(notebook)) {
                throw new AssertionError("nbclient stopped (exit " + python.exitValue() + ") before writing it:\n"
                        + output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nbclient did not finish it within " + timeout + ":\n" + output());
            }
            Thread.sleep(POLL.toMillis());
        }
        return Files.readAllBytes(notebook);
    }

    private String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the reference to shut its kernel down; stops it, and its kernel, if it does not. */
    @Override
    public void close() throws InterruptedException {
        if (!python.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
            python.descendants().forEach(ProcessHandle::destroyForcibly);
            python.destroyForcibly();
            python.waitFor();
        }
    }
}
