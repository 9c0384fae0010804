package io.quire.gateway.http.contents;

import io.quire.gateway.http.HttpException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Plain files and folders of the contents tree, kept on the local disk under one directory. Paths are API paths
 * ({@link ApiPath}, already checked); each is resolved under the root and refused when it, or a symbolic link on
 * the way, would lead outside it. Writes are atomic: a temporary file beside the target, then a rename.
 * Blocking; safe for concurrent use (the file system arbitrates).
 */
final class LocalFiles {

    private final Path root;

    LocalFiles(Path root) {
        try {
            Files.createDirectories(root);
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root + ": " + e.getMessage(), e);
        }
    }

    /** A file or folder and its times. */
    record Entry(String path, boolean directory, long size, BasicFileAttributes attributes) {
    }

    /** The file or folder at {@code path}; empty when there is none, or when it would lead outside the root. */
    Optional<Entry> find(String path) {
        Path file;
        try {
            file = resolve(path);
        } catch (HttpException outside) {
            return Optional.empty();
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isDirectory() && !attributes.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new Entry(path, attributes.isDirectory(), attributes.size(), attributes));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("read", path, e);
        }
    }

    boolean isFile(String path) {
        return find(path).filter(entry -> !entry.directory()).isPresent();
    }

    boolean isDirectory(String path) {
        return path.isEmpty() || find(path).filter(Entry::directory).isPresent();
    }

    /** The entries of a folder (none when it does not exist on disk). */
    List<Entry> list(String folder) {
        Path directory = resolve(folder);
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(directory)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                find(ApiPath.join(folder, child.getFileName().toString())).ifPresent(entries::add);
            }
        } catch (IOException e) {
            throw failure("list", folder, e);
        }
        return entries;
    }

    byte[] read(String path) {
        try {
            return Files.readAllBytes(resolve(path));
        } catch (IOException e) {
            throw failure("read", path, e);
        }
    }

    /** Replaces the file's content atomically, creating its folders. */
    void write(String path, byte[] bytes) {
        Path file = resolve(path);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw failure("write", path, e);
        }
    }

    /** Adds bytes at the end of a file (a chunked upload). */
    void append(String path, byte[] bytes) {
        Path file = resolve(path);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw failure("write", path, e);
        }
    }

    void createDirectories(String path) {
        try {
            Files.createDirectories(resolve(path));
        } catch (FileAlreadyExistsException e) {
            throw HttpException.badRequest("Not a directory: " + path);
        } catch (IOException e) {
            throw failure("create", path, e);
        }
    }

    void move(String from, String to) {
        Path target = resolve(to);
        try {
            Files.createDirectories(target.getParent());
            Files.move(resolve(from), target);
        } catch (FileAlreadyExistsException e) {
            throw new HttpException(409, "File already exists: " + to);
        } catch (IOException e) {
            throw failure("move", from, e);
        }
    }

    /** Moves a file or folder of this tree to {@code to} in {@code other} (the trash, say). */
    void moveTo(LocalFiles other, String from, String to) {
        Path target = other.resolve(to);
        try {
            Files.createDirectories(target.getParent());
            Files.move(resolve(from), target);
        } catch (IOException e) {
            throw failure("move", from, e);
        }
    }

    void copy(String from, String to) {
        write(to, read(from));
    }

    /** Copies the file at {@code path} in {@code other} to the same path here. */
    void copyFrom(LocalFiles other, String path) {
        write(path, other.read(path));
    }

    /** Removes a file, or a folder with everything in it. */
    void delete(String path) {
        Path target = resolve(path);
        try (Stream<Path> walk = Files.walk(target)) {
            for (Path each : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(each);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // already gone: what the caller wanted
        } catch (IOException e) {
            throw failure("delete", path, e);
        }
    }

    /**
     * The file-system path of an API path under the root.
     *
     * @throws HttpException 404 when it would lead outside the root, through a symbolic link or otherwise
     */
    private Path resolve(String path) {
        Path resolved = root.resolve(path).normalize();
        Path existing = resolved;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        try {
            if (!resolved.startsWith(root) || existing == null || !existing.toRealPath().startsWith(root)) {
                throw HttpException.notFound(path + " is outside root contents directory");
            }
        } catch (IOException e) {
            throw failure("resolve", path, e);
        }
        return resolved;
    }

    private static RuntimeException failure(String action, String path, IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return new HttpException(403, "Permission denied: " + path);
        }
        return new UncheckedIOException("cannot " + action + " " + path + ": " + e.getMessage(), e);
    }
}
