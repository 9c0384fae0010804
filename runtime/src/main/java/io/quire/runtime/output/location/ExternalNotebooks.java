package io.quire.runtime.output.location;

import io.quire.runtime.output.NotebookStorageException;
import io.quire.runtime.output.OutputStore;
import io.quire.runtime.output.file.FileOutputStore;
import io.quire.runtime.output.s3.S3Clients;
import io.quire.runtime.output.s3.S3OutputStore;
import io.quire.runtime.output.s3.S3Settings;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.util.function.Supplier;

/**
 * Reads notebooks from, and writes output notebooks once to, the local files and S3 objects users name, so that
 * {@code quire run s3://in/a.ipynb s3://out/b.ipynb} works. Writing goes through the {@link OutputStore}s, with
 * their never-overwrite guarantee. The S3 client is built on first use, so local-only runs need no AWS setup.
 *
 * <p>Blocks on I/O; safe for concurrent use. {@code quire:} locations are not handled here.
 */
public final class ExternalNotebooks implements AutoCloseable {

    private final Supplier<S3Client> clients;
    private S3Client client;

    /** Reaching S3 as {@code settings} say. */
    public ExternalNotebooks(S3Settings settings) {
        this(() -> S3Clients.create(settings));
    }

    /** Reaching S3 with the client {@code clients} makes, on first need; it is closed with this. */
    public ExternalNotebooks(Supplier<S3Client> clients) {
        this.clients = clients;
    }

    /**
     * The bytes of the notebook at {@code location}.
     *
     * @throws NotebookStorageException when there is none, or it cannot be read, saying why
     */
    public byte[] read(NotebookLocation location) {
        Target target = targetOf(location);
        return target.store().read(target.key()).orElseThrow(() -> new NotebookStorageException(
                "no notebook at " + location + ": check the path or key, and the bucket"));
    }

    /**
     * Writes {@code notebook} to {@code location}, which must not exist yet.
     *
     * @return where it was written
     * @throws io.quire.runtime.output.OutputExistsException when something is already there
     */
    public URI writeOnce(NotebookLocation location, byte[] notebook) {
        Target target = targetOf(location);
        target.store().writeOnce(target.key(), notebook);
        return target.store().locationOf(target.key());
    }

    /** Where a file or S3 location is kept: a store and the key within it. */
    public record Target(OutputStore store, String key) {
    }

    /**
     * The store and key of a file or S3 location, e.g. to checkpoint beside it.
     *
     * @throws IllegalArgumentException for one of Quire's own notebooks
     */
    public Target targetOf(NotebookLocation location) {
        if (location instanceof NotebookLocation.LocalFile file) {
            return new Target(new FileOutputStore(file.path().getParent()), file.path().getFileName().toString());
        }
        if (location instanceof NotebookLocation.S3File s3) {
            return new Target(new S3OutputStore(s3Client(), s3.bucket(), ""), s3.key());
        }
        throw new IllegalArgumentException(location + " is one of Quire's own notebooks: open it through Quire's"
                + " notebooks, not as a file");
    }

    private synchronized S3Client s3Client() {
        if (client == null) {
            client = clients.get();
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
