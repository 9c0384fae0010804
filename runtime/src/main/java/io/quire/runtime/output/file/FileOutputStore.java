package io.quire.runtime.output.file;

import io.quire.runtime.output.NotebookStorageException;
import io.quire.runtime.output.OutputExistsException;
import io.quire.runtime.output.OutputKey;
import io.quire.runtime.output.OutputStore;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Output notebooks as files under a root directory: key {@code runs/a.ipynb} is the file {@code ROOT/runs/a.ipynb},
 * its checkpoint {@code ROOT/runs/a.ipynb.partial}. Directories are created as needed.
 *
 * <p>A notebook is published by writing a hidden temporary file in the target's directory
 * ({@code .NAME.RANDOM.tmp}), forcing it to disk, then hard-linking it under the final name. The link fails when the
 * name exists (unlike a rename, which on Linux silently replaces), so of concurrent writers exactly one wins and
 * readers never see a partial file. The temporary file is removed afterwards, whatever happened; only a crash in
 * between can leave one behind, which is safe to delete. The root's filesystem must support hard links.
 */
public final class FileOutputStore implements OutputStore {

    private final Path root;

    /** A store keeping its notebooks under {@code root}, which need not exist yet. */
    public FileOutputStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public URI locationOf(String key) {
        return pathOf(key).toUri();
    }

    @Override
    public void writeOnce(String key, byte[] notebook) {
        Path target = pathOf(key);
        Path temp = SyncedFiles.writeBeside(target, notebook);
        try {
            Files.createLink(target, temp);
            SyncedFiles.syncDirectory(target.getParent());
        } catch (FileAlreadyExistsException e) {
            throw new OutputExistsException(target.toUri());
        } catch (UnsupportedOperationException e) {
            throw new NotebookStorageException("the filesystem of " + root + " does not support hard links, which"
                    + " Quire needs to publish output notebooks without ever overwriting one: use a local"
                    + " filesystem (ext4, xfs, btrfs, APFS, NTFS) for the output directory", e);
        } catch (IOException e) {
            throw SyncedFiles.failure("write the output notebook", target, e);
        } finally {
            SyncedFiles.deleteQuietly(temp);
        }
    }

    @Override
    public void writeCheckpoint(String key, byte[] partial) {
        Path checkpoint = checkpointOf(key);
        Path temp = SyncedFiles.writeBeside(checkpoint, partial);
        try {
            // A checkpoint may be replaced: a rename swaps it in whole.
            Files.move(temp, checkpoint, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw SyncedFiles.failure("write the checkpoint", checkpoint, e);
        } finally {
            SyncedFiles.deleteQuietly(temp);
        }
    }

    @Override
    public void removeCheckpoint(String key) {
        Path checkpoint = checkpointOf(key);
        try {
            Files.deleteIfExists(checkpoint);
        } catch (IOException e) {
            throw SyncedFiles.failure("remove the checkpoint", checkpoint, e);
        }
    }

    @Override
    public Optional<byte[]> readCheckpoint(String key) {
        return readFile(checkpointOf(key));
    }

    @Override
    public Optional<byte[]> read(String key) {
        return readFile(pathOf(key));
    }

    private static Optional<byte[]> readFile(Path path) {
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (FileSystemException e) {
            if (underAFile(path)) { // ENOTDIR: nothing can be stored there
                return Optional.empty();
            }
            throw SyncedFiles.failure("read the notebook", path, e);
        } catch (IOException e) {
            throw SyncedFiles.failure("read the notebook", path, e);
        }
    }

    private static boolean underAFile(Path path) {
        for (Path parent = path.getParent(); parent != null; parent = parent.getParent()) {
            if (Files.isRegularFile(parent)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(pathOf(key));
    }

    private Path pathOf(String key) {
        return root.resolve(OutputKey.check(key));
    }

    private Path checkpointOf(String key) {
        return root.resolve(OutputKey.check(key) + OutputKey.CHECKPOINT_SUFFIX);
    }

    @Override
    public String toString() {
        return "FileOutputStore[" + root + "]";
    }
}
