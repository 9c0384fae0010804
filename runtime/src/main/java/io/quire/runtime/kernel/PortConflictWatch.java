package io.quire.runtime.kernel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.CompletableFuture;

/**
 * Watches a starting kernel's log for ZeroMQ's "Address already in use": another program took one of its ports
 * between {@link PortAllocator} checking it free and the kernel binding it. Such a kernel must be noticed at once,
 * because it does not always exit: ipykernel 6 that cannot bind iopub prints the error and hangs, and one that cannot
 * bind its heartbeat runs on without one (its client then finds it dead seconds later). The log is watched through
 * the file system's change events (inotify on Linux), not polled.
 */
final class PortConflictWatch implements AutoCloseable {

    static final String ADDRESS_IN_USE = "Address already in use";

    private static final Logger LOG = LoggerFactory.getLogger(PortConflictWatch.class);

    private final Path log;
    private final WatchService watcher;
    private final CompletableFuture<Void> conflict = new CompletableFuture<>();

    /** Starts watching {@code log} (which need not exist yet); its directory must exist. */
    PortConflictWatch(Path log) throws IOException {
        this.log = log;
        this.watcher = log.getFileSystem().newWatchService();
        log.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        Thread thread = new Thread(this::watch, "quire-kernel-port-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Completes once the kernel has said that a port of its was taken; never fails. */
    CompletableFuture<Void> conflict() {
        return conflict;
    }

    /** Reads the log now: for the moment the kernel answered, when an event may still be on its way. */
    boolean seenNow() {
        if (!conflict.isDone() && LocalKernelProcess.tail(log).contains(ADDRESS_IN_USE)) {
            conflict.complete(null);
        }
        return conflict.isDone();
    }

    private void watch() {
        try {
            while (!seenNow()) {
                WatchKey key = watcher.take();
                key.pollEvents(); // which event does not matter: any change to the directory is a reason to look
                if (!key.reset()) {
                    return; // the kernel's directory is gone
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // the start is over
        } catch (RuntimeException e) {
            LOG.warn("stopped watching {} for port conflicts", log, e);
        }
    }

    @Override
    public void close() {
        try {
            watcher.close(); // ends the thread
        } catch (IOException e) {
            LOG.debug("closing the port watch of {} failed", log, e);
        }
    }
}
