package io.quire.runtime.kernel;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A kernel forked by a {@link KernelNursery}: not a child of this JVM, so it is known by its pid (a handle that
 * also checks its start time, so a reused pid is never signalled) and its exit is learnt from the nursery, or, if
 * the nursery is gone, by the JDK polling the pid.
 */
final class ForkedKernelProcess implements KernelProcess {

    private static final long KILL_WAIT_SECONDS = 10;

    private final ProcessHandle handle;
    private final CompletableFuture<Void> exit;
    private final Path log;
    private final Runnable cleanUp;
    private final AtomicBoolean cleaned = new AtomicBoolean();

    /** @param exit completes when the process has exited (and been reaped) */
    ForkedKernelProcess(ProcessHandle handle, CompletableFuture<Void> exit, Path log, Runnable cleanUp) {
        this.handle = handle;
        this.exit = exit;
        this.log = log;
        this.cleanUp = cleanUp;
        exit.thenRun(this::cleanUpOnce);
    }

    long pid() {
        return handle.pid();
    }

    @Override
    public CompletableFuture<Void> interrupt() {
        return LocalKernelProcess.sigint(handle.pid());
    }

    @Override
    public boolean isAlive() {
        return !exit.isDone();
    }

    @Override
    public CompletableFuture<Void> onExit() {
        return exit.thenApply(done -> null);
    }

    @Override
    public void kill() {
        if (!exit.isDone()) {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
            try {
                exit.get(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // SIGKILL cannot be refused; the clean-up below must happen regardless.
            }
        }
        cleanUpOnce();
    }

    private void cleanUpOnce() {
        if (cleaned.compareAndSet(false, true)) {
            cleanUp.run();
        }
    }

    @Override
    public String recentOutput() {
        return LocalKernelProcess.tail(log);
    }
}
