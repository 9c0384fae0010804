package io.quire.runtime.kernel;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** A kernel running as a local process; its stdout and stderr go to a log file beside its connection file. */
final class LocalKernelProcess implements KernelProcess {

    private static final int RECENT_BYTES = 4096;

    private final Process process;
    private final Path log;
    private final Runnable cleanUp;

    LocalKernelProcess(Process process, Path log, Runnable cleanUp) {
        this.process = process;
        this.log = log;
        this.cleanUp = cleanUp;
        process.onExit().thenRun(cleanUp);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public CompletableFuture<Void> interrupt() {
        return sigint(process.pid());
    }

    /** Sends SIGINT to {@code pid} (the JDK can send only SIGTERM and SIGKILL), on a pool thread. */
    static CompletableFuture<Void> sigint(long pid) {
        return CompletableFuture.runAsync(() -> {
            try {
                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).start();
                if (kill.waitFor() != 0) {
                    throw new IllegalStateException("kill -INT " + pid + " failed");
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot send SIGINT to the kernel: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while interrupting the kernel", e);
            }
        });
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public CompletableFuture<Void> onExit() {
        return process.onExit().thenApply(p -> null);
    }

    @Override
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.onExit().join();
        cleanUp.run();
    }

    @Override
    public String recentOutput() {
        return tail(log);
    }

    /** The last few kilobytes of a kernel's log. */
    static String tail(Path log) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - RECENT_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
