package io.quire.runtime.testing;

import io.quire.runtime.output.s3.S3Clients;
import io.quire.runtime.output.s3.S3Settings;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A real S3 protocol server for tests: S3Proxy, in this JVM, on a free port of 127.0.0.1, requiring AWS
 * signatures with {@link #ACCESS_KEY}/{@link #SECRET_KEY}. Its objects live in memory, or in a directory.
 *
 * <pre>{@code
 * try (S3TestServer s3 = S3TestServer.inMemory()) {
 *     String bucket = s3.newBucket();
 *     S3Client client = S3Clients.create(s3.settings());
 * }
 * }</pre>
 */
public final class S3TestServer implements AutoCloseable {

    public static final String ACCESS_KEY = "quire-test-access";
    public static final String SECRET_KEY = "quire-test-secret";

    private final S3Proxy proxy;
    private final URI endpoint;
    private final S3Client client;

    private S3TestServer(BlobStore blobs) {
        // Port 0, bound by Jetty itself: a port found free and bound later can be taken meanwhile by a kernel
        // another test class is starting.
        proxy = S3Proxy.builder()
                .blobStore(blobs)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start on 127.0.0.1", e);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        client = S3Clients.create(settings());
    }

    /** A server keeping its objects in memory. */
    public static S3TestServer inMemory() {
        return new S3TestServer(new TransientNio2BlobStore());
    }

    /** A server keeping its objects as files under {@code directory} (one sub-directory per bucket). */
    public static S3TestServer inDirectory(Path directory) {
        return new S3TestServer(new FilesystemNio2BlobStore(directory.toString()));
    }

    /** Where it listens: {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Settings that reach this server: its endpoint, path-style buckets, us-east-1, its credentials. */
    public S3Settings settings() {
        return S3Settings.defaults().withEndpoint(endpoint).withPathStyle(true).withRegion("us-east-1")
                .withCredentials(ACCESS_KEY, SECRET_KEY);
    }

    /** A client of this server, for setting up and checking; closed with the server. */
    public S3Client client() {
        return client;
    }

    /** Creates the bucket {@code name}. */
    public void createBucket(String name) {
        client.createBucket(create -> create.bucket(name));
    }

    /** Creates a bucket with a fresh name and returns the name. */
    public String newBucket() {
        String name = "quire-test-" + UUID.randomUUID().toString().substring(0, 8);
        createBucket(name);
        return name;
    }

    @Override
    public void close() {
        client.close();
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop", e);
        }
    }
}
