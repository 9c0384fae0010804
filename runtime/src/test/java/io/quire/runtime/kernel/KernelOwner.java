package io.quire.runtime.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The test's handle on a {@link KernelOwnerProcess}: another JVM that owns one kernel. */
final class KernelOwner implements AutoCloseable {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(90);

    private final Process jvm;
    private final BufferedReader out;
    private final Writer in;
    private final Path log;
    private final long kernelPid;

    private KernelOwner(Process jvm, Path log) throws Exception {
        this.jvm = jvm;
        this.log = log;
        this.out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(jvm.getOutputStream(), StandardCharsets.UTF_8);
        String first = answer();
        if (!first.startsWith("kernel ")) {
            throw new AssertionError("the kernel owner said '" + first + "':\n" + java.nio.file.Files.readString(log));
        }
        this.kernelPid = Long.parseLong(first.substring("kernel ".length()));
    }

    /** Starts a JVM whose launcher keeps its kernels in {@code kernelsDirectory}, once its kernel is ready. */
    static KernelOwner start(Path kernelsDirectory, Path log) throws Exception {
        return start(kernelsDirectory, log, false);
    }

    /** As {@link #start(Path, Path)}, the owner's launcher forking its kernel if {@code forking}. */
    static KernelOwner start(Path kernelsDirectory, Path log, boolean forking) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Daxoniq.update-checker.disabled=true", KernelOwnerProcess.class.getName(),
                kernelsDirectory.toString(), forking ? "forking" : "spawning")
                .redirectError(log.toFile()).start();
        try {
            return new KernelOwner(jvm, log);
        } catch (Exception | AssertionError e) {
            jvm.destroyForcibly();
            throw e;
        }
    }

    long kernelPid() {
        return kernelPid;
    }

    /** What the owner's kernel prints for {@code print('pong')}: {@code pong} while it works. */
    String ping() throws Exception {
        in.write("ping\n");
        in.flush();
        return answer();
    }

    /** Kills the owner's JVM at once (SIGKILL), as a crash would: its kernel is left running. */
    void kill() throws InterruptedException {
        jvm.destroyForcibly();
        jvm.waitFor();
    }

    private String answer() throws Exception {
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        }).get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return line == null ? "(the kernel owner exited)" : line;
    }

    /** Lets the owner stop its kernel and exit; kills both if that takes too long. */
    @Override
    public void close() throws Exception {
        try {
            in.close();
        } catch (IOException e) {
            // already gone
        }
        if (!jvm.waitFor(30, TimeUnit.SECONDS)) {
            jvm.destroyForcibly();
        }
        ProcessHandle.of(kernelPid).ifPresent(ProcessHandle::destroyForcibly);
    }
}
