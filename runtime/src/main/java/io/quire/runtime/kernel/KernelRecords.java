package io.quire.runtime.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kernels this data directory has started and not yet stopped, one small file each. If Quire is killed, its
 * kernels live on as orphans; the next start reads these records and stops them, so no kernel is left behind.
 */
final class KernelRecords {

    private static final Logger LOG = LoggerFactory.getLogger(KernelRecords.class);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /**
     * What identifies a kernel process and the Quire that owns it: pids with start times, so that a reused pid is
     * never mistaken for them.
     */
    record Record(String kernelId, long pid, Instant started, String kernelDirectory, Long ownerPid,
                  Instant ownerStarted) {

        /** A record of a kernel owned by this process. */
        static Record ownedByThisProcess(String kernelId, ProcessHandle kernel, String kernelDirectory) {
            ProcessHandle owner = ProcessHandle.current();
            return new Record(kernelId, kernel.pid(), kernel.info().startInstant().orElse(Instant.EPOCH),
                    kernelDirectory, owner.pid(), owner.info().startInstant().orElse(null));
        }
    }

    private final Path directory;

    KernelRecords(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the kernel directory " + directory, e);
        }
    }

    void add(Record record) {
        try {
            JSON.writeValue(file(record.kernelId()).toFile(), record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record kernel " + record.kernelId(), e);
        }
    }

    void remove(String kernelId) {
        try {
            Files.deleteIfExists(file(kernelId));
        } catch (IOException e) {
            LOG.warn("cannot remove the record of kernel {}", kernelId, e);
        }
    }

    /**
     * Stops every recorded kernel whose Quire is no longer running, and forgets their records. Kernels of another
     * live Quire sharing this data directory are left alone.
     *
     * @return how many orphaned kernels were stopped
     */
    int stopOrphans() {
        int stopped = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".kernel.json")).toList()) {
                Record record = JSON.readValue(file.toFile(), Record.class);
                if (record.ownerPid() != null && record.ownerPid() != ProcessHandle.current().pid()
                        && process(record.ownerPid(), record.ownerStarted()).isPresent()) {
                    continue;
                }
                Optional<ProcessHandle> process = process(record.pid(), record.started());
                if (process.isPresent()) {
                    process.get().descendants().forEach(ProcessHandle::destroyForcibly);
                    process.get().destroyForcibly();
                    stopped++;
                    LOG.warn("stopped orphaned kernel {} (pid {}) left by a Quire that did not stop cleanly",
                            record.kernelId(), record.pid());
                }
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kernel records in " + directory, e);
        }
        return stopped;
    }

    /** The process with this pid, if it is the one that started at {@code started}. */
    private static Optional<ProcessHandle> process(long pid, Instant started) {
        return started == null ? Optional.empty() : ProcessHandle.of(pid)
                .filter(p -> p.info().startInstant().map(started::equals).orElse(false));
    }

    private Path file(String kernelId) {
        return directory.resolve(kernelId + ".kernel.json");
    }
}
