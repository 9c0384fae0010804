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

    /** What identifies a kernel process: its pid, and its start time so that a reused pid is never killed. */
    record Record(String kernelId, long pid, Instant started, String kernelDirectory) {
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
     * Stops every recorded kernel whose process still runs, and forgets all records.
     *
     * @return how many orphaned kernels were stopped
     */
    int stopOrphans() {
        int stopped = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".kernel.json")).toList()) {
                Record record = JSON.readValue(file.toFile(), Record.class);
                Optional<ProcessHandle> process = ProcessHandle.of(record.pid())
                        .filter(p -> p.info().startInstant().map(record.started()::equals).orElse(false));
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

    private Path file(String kernelId) {
        return directory.resolve(kernelId + ".kernel.json");
    }
}
