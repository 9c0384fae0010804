package io.quire.bench.store;

import io.quire.domain.store.EventDatabase;
import io.quire.gateway.QuireSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Quire's embedded store: an H2 file in a data directory of its own (Quire's settings: {@code WRITE_DELAY=0},
 * {@code RETENTION_TIME=5000}). H2 runs inside this JVM, so the bytes it writes are the bytes this process writes.
 */
final class H2BenchStore implements BenchStore {

    private static final Path PROCESS_IO = Path.of("/proc/self/io");

    private final Path dataDirectory;

    H2BenchStore(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    @Override
    public String engine() {
        return "h2";
    }

    @Override
    public QuireSettings settings(int snapshotThreshold) {
        return new QuireSettings(dataDirectory, null, snapshotThreshold);
    }

    /**
     * Opens a pool of its own: within one JVM, H2 shares the open database between pools of the same URL. When no
     * node is running, this opens (and on close compacts) the file; the load benchmark never measures meanwhile.
     */
    @Override
    public StoredBytes storedBytes() {
        try (EventDatabase database = EventDatabase.openDirectory(dataDirectory)) {
            return StoredBytes.read(database);
        }
    }

    /** The {@code wchar} line of /proc/self/io: bytes this process passed to write(2), whatever the file. */
    @Override
    public long physicalBytesWritten() {
        try (Stream<String> lines = Files.lines(PROCESS_IO)) {
            return lines.filter(line -> line.startsWith("wchar:"))
                        .mapToLong(line -> Long.parseLong(line.substring("wchar:".length()).trim()))
                        .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PROCESS_IO + " (Linux only)", e);
        }
    }

    @Override
    public String physicalWritesMeaning() {
        return "bytes this JVM wrote with write(2) (/proc/self/io wchar): H2's pages for events, indexes,"
                + " snapshots and the read models";
    }

    /** Copies the database file(s); H2 has closed the file when no node runs (it closes with its last connection). */
    @Override
    public BenchStore copy(String purpose) {
        Path target = dataDirectory.resolveSibling(StoreFactory.name(purpose));
        try (Stream<Path> files = Files.list(dataDirectory)) {
            Files.createDirectories(target);
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the benchmark store " + dataDirectory, e);
        }
        return new H2BenchStore(target);
    }

    @Override
    public void close() {
        if (!Files.exists(dataDirectory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the benchmark store " + dataDirectory, e);
        }
    }

    @Override
    public String toString() {
        return "h2 store in " + dataDirectory;
    }
}
