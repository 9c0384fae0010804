package io.quire.runtime.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Python interpreter that has imported ipykernel once and forks kernels on request ({@code nursery.py}, beside
 * this class). Started on first use; started again on the next request if it has died. Kernels it forked do not
 * depend on it: they run on if it dies, and are then watched by pid.
 *
 * <p>Thread-safe: {@link #fork} may be called from many threads; one reader thread per nursery process takes its
 * answers and exit reports.
 */
final class KernelNursery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KernelNursery.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = "nursery.py";
    private static final int TITLE_ROOM = 160;

    private final String python;
    private final Path directory;
    private final Map<String, String> environment;
    private final Duration startTimeout;
    private final AtomicLong requests = new AtomicLong();
    private final Map<Long, CompletableFuture<Answer>> pending = new ConcurrentHashMap<>();
    /** The nursery each pending request was written to: when one exits, only its own requests fail. */
    private final Map<Long, Process> sentTo = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Void>> exits = new ConcurrentHashMap<>();
    private Process process;
    private OutputStream requestsOut;

    /**
     * @param python       the interpreter, as the kernelspec names it (resolved)
     * @param directory    where the script and the nursery's own log go
     * @param environment  added to the nursery's environment (PYDEVD_DISABLE_FILE_VALIDATION: ipykernel's
     *                     imports print the debugger's warning otherwise)
     * @param startTimeout how long the imports may take
     */
    KernelNursery(String python, Path directory, Map<String, String> environment, Duration startTimeout) {
        this.python = python;
        this.directory = directory;
        this.environment = Map.copyOf(environment);
        this.startTimeout = startTimeout;
    }

    /** The nursery's answer to a fork: the kernel's pid, and the future its exit report will complete. */
    private record Answer(long pid, CompletableFuture<Void> exit) {
    }

    /** A kernel the nursery has forked, and a future completed when it has exited. */
    record Forked(ProcessHandle handle, CompletableFuture<Void> exit) {
    }

    /**
     * Forks a kernel that runs {@code ipykernel_launcher -f connectionFile} in {@code workingDirectory} with
     * exactly {@code environment}, its output appended to {@code log}.
     *
     * @throws IOException when the nursery cannot be started or does not answer
     */
    Forked fork(Path connectionFile, Path workingDirectory, Map<String, String> environment, Path log)
            throws IOException {
        try {
            return forkOnce(connectionFile, workingDirectory, environment, log);
        } catch (NurseryGoneException e) {
            // The nursery died and the JVM had not noticed yet when we wrote to it: a new one is started.
            forget();
            return forkOnce(connectionFile, workingDirectory, environment, log);
        }
    }

    /** The nursery was found dead while asked for a kernel. */
    private static final class NurseryGoneException extends IOException {
        NurseryGoneException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private synchronized void forget() {
        if (process != null) {
            process.destroyForcibly();
            process = null;
        }
    }

    private Forked forkOnce(Path connectionFile, Path workingDirectory, Map<String, String> environment, Path log)
            throws IOException {
        long id = requests.incrementAndGet();
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("id", id);
            request.put("connection_file", connectionFile.toString());
            request.put("cwd", workingDirectory.toAbsolutePath().toString());
            request.put("env", environment);
            request.put("log", log.toAbsolutePath().toString());
            try {
                send(id, JSON.writeValueAsBytes(request));
            } catch (IOException e) {
                throw new NurseryGoneException("the kernel nursery (" + python + ") is gone: " + e.getMessage(), e);
            }
            return watch(answer.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.ExecutionException e) {
            if ("the nursery exited".equals(e.getCause().getMessage())) {
                throw new NurseryGoneException("the kernel nursery (" + python + ") exited", e);
            }
            throw new IOException("the kernel nursery (" + python + ") failed: " + e.getCause().getMessage(), e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("the kernel nursery (" + python + ") did not answer in " + startTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forking a kernel", e);
        } finally {
            pending.remove(id);
            sentTo.remove(id);
        }
    }

    /**
     * The exit of a forked kernel: reported by the nursery, which reaps it; or, should the nursery die first (its
     * kernels are then reaped by init), seen by the JDK's polling of a pid that is not its child.
     */
    private Forked watch(Answer answer) throws IOException {
        CompletableFuture<Void> exit = answer.exit();
        ProcessHandle handle = ProcessHandle.of(answer.pid()).orElse(null);
        if (handle == null) {
            throw new IOException("the forked kernel (pid " + answer.pid() + ") exited at once");
        }
        handle.onExit().thenRun(() -> exit.complete(null));
        return new Forked(handle, exit);
    }

    private synchronized void send(long id, byte[] request) throws IOException {
        if (process == null || !process.isAlive()) {
            start();
        }
        sentTo.put(id, process);
        requestsOut.write(request);
        requestsOut.write('\n');
        requestsOut.flush();
    }

    /** Starts the nursery and waits for it to say it has imported ipykernel. Called holding the lock. */
    private void start() throws IOException {
        Files.createDirectories(directory);
        Path script = directory.resolve(SCRIPT);
        try (InputStream source = KernelNursery.class.getResourceAsStream(SCRIPT)) {
            if (source == null) {
                throw new IOException(SCRIPT + " is missing from the classpath");
            }
            Files.write(script, source.readAllBytes());
        }
        // The blank argument is room for each kernel to show itself as `python -m ipykernel_launcher -f FILE`.
        ProcessBuilder builder = new ProcessBuilder(python, script.toString(), " ".repeat(TITLE_ROOM))
                .directory(directory.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(directory.resolve("nursery.log").toFile()));
        builder.environment().putAll(environment);
        Process started = builder.start();
        BufferedReader answers = new BufferedReader(new InputStreamReader(started.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return answers.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String ready;
        try {
            ready = first.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            ready = null;
        }
        if (ready == null || !JSON.readTree(ready).path("ready").asBoolean()) {
            started.destroyForcibly();
            throw new IOException("the kernel nursery (" + python + ") did not start; see "
                    + directory.resolve("nursery.log"));
        }
        process = started;
        requestsOut = started.getOutputStream();
        Thread reader = new Thread(() -> read(started, answers), "quire-kernel-nursery-" + started.pid());
        reader.setDaemon(true);
        reader.start();
        LOG.info("kernel nursery started for {} (pid {})", python, started.pid());
    }

    /** Takes the nursery's answers and exit reports until it exits, then fails what still awaits an answer. */
    private void read(Process nursery, BufferedReader answers) {
        try {
            for (String line = answers.readLine(); line != null; line = answers.readLine()) {
                JsonNode message = JSON.readTree(line);
                if (message.has("exited")) {
                    CompletableFuture<Void> exit = exits.remove(message.get("exited").asLong());
                    if (exit != null) {
                        exit.complete(null);
                    }
                } else if (message.has("id")) {
                    CompletableFuture<Answer> answer = pending.get(message.get("id").asLong());
                    if (message.has("pid")) {
                        // Registered here, in the order of the nursery's lines: its exit report comes after this.
                        long pid = message.get("pid").asLong();
                        CompletableFuture<Void> exit = new CompletableFuture<>();
                        exits.put(pid, exit);
                        exit.thenRun(() -> exits.remove(pid, exit));
                        if (answer == null || !answer.complete(new Answer(pid, exit))) {
                            LOG.warn("killing kernel {}: forked after its start was given up", pid);
                            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                        }
                    } else if (answer != null) {
                        answer.completeExceptionally(new IOException(message.path("error").asText()));
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("lost the kernel nursery's answers", e);
        }
        LOG.info("kernel nursery {} (pid {}) exited", python, nursery.pid());
        nursery.destroyForcibly();
        // Only the requests written to this nursery: one started since (after this one was killed) has its own.
        pending.forEach((id, answer) -> {
            if (sentTo.get(id) == nursery) {
                answer.completeExceptionally(new IOException("the nursery exited"));
            }
        });
    }

    /** Stops the nursery (it exits when its stdin closes); the kernels it forked are not touched. */
    @Override
    public synchronized void close() {
        if (process != null) {
            try {
                requestsOut.close();
            } catch (IOException e) {
                // it is gone already
            }
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
