package io.quire.runtime.output.file;

import io.quire.runtime.output.NotebookStorageException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The file steps of {@link FileOutputStore}: temporary files forced to disk, directories synced, failures told. */
final class SyncedFiles {

    private SyncedFiles() {
    }

    /**
     * Writes {@code content} to a new hidden temporary file in {@code target}'s directory (created if needed) and
     * forces it to disk. On failure nothing is left behind.
     */
    static Path writeBeside(Path target, byte[] content) {
        Path directory = target.getParent();
        try {
            Files.createDirectories(directory);
        } catch (FileAlreadyExistsException e) {
            throw new NotebookStorageException("cannot create the directory " + directory
                    + ": a file of that name is in the way; remove it or choose another key", e);
        } catch (IOException e) {
            throw failure("create the directory", directory, e);
        }
        Path temp;
        try {
            temp = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw failure("create a temporary file", directory, e);
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
            return temp;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw failure("write", temp, e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /** Forces a directory's entries to disk, so a new name survives a power cut. */
    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; the file itself is already on disk.
        }
    }

    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Only a leftover hidden .tmp file, safe to delete by hand; the original failure matters more.
        }
    }

    static NotebookStorageException failure(String action, Path path, IOException cause) {
        return new NotebookStorageException("could not " + action + " at " + path + ": " + cause
                + "; check that the directory exists or can be created, is writable, and has free space", cause);
    }
}
