package io.quire.runtime.output.s3;

import io.quire.runtime.output.OutputExistsException;
import io.quire.runtime.output.OutputKey;
import io.quire.runtime.output.OutputStore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Output notebooks as objects in an S3 bucket, under an optional prefix: with target {@code s3://bucket/outputs},
 * key {@code runs/a.ipynb} is the object {@code outputs/runs/a.ipynb}, its checkpoint
 * {@code outputs/runs/a.ipynb.partial}.
 *
 * <p>Write-once is a conditional PutObject ({@code If-None-Match: *}): the server stores the object only if the
 * key is free, and answers 412 otherwise, which becomes {@link OutputExistsException}. AWS S3 honours it (since
 * 2024), as do S3Proxy 4.1 (tested here), MinIO and Ceph. A HEAD first refuses an existing key early even on a
 * server that ignores the condition; there, two writers racing within that HEAD's window could still both
 * write, and the last one would win.
 *
 * <p>A write can land while its answer is lost (a connection error after the server stored the body, then the
 * SDK's retry is refused with 412 by the very object it wrote). So every write carries a fresh id in the object's
 * metadata, and a refused or failed write asks the object whether it is its own.
 */
public final class S3OutputStore implements OutputStore {

    private static final String JSON = "application/x-ipynb+json";
    private static final int CONFLICT_RETRIES = 3;
    /** User metadata naming the write that stored the object; S3 sends it as {@code x-amz-meta-quire-write}. */
    static final String WRITE_ID = "quire-write";

    private final S3Client client;
    private final String bucket;
    private final String prefix;

    /**
     * @param client shared; not closed by this store
     * @param bucket an existing bucket
     * @param prefix where under the bucket the keys go; empty for the bucket's root
     */
    public S3OutputStore(S3Client client, String bucket, String prefix) {
        if (bucket == null || bucket.isBlank() || bucket.contains("/")) {
            throw new IllegalArgumentException("invalid S3 bucket name '" + bucket + "'");
        }
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
        if (!this.prefix.isEmpty()) {
            OutputKey.check(this.prefix);
        }
    }

    /** A store for a target given as {@code s3://bucket} or {@code s3://bucket/prefix}. */
    public static S3OutputStore at(String target, S3Client client) {
        if (target == null || !target.startsWith("s3://") || target.length() == "s3://".length()
                || target.charAt("s3://".length()) == '/') {
            throw new IllegalArgumentException("invalid S3 output target '" + target
                    + "': give it as s3://BUCKET or s3://BUCKET/PREFIX");
        }
        String rest = target.substring("s3://".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? new S3OutputStore(client, rest, "")
                : new S3OutputStore(client, rest.substring(0, slash), rest.substring(slash + 1));
    }

    @Override
    public URI locationOf(String key) {
        return URI.create("s3://" + bucket + "/" + objectKey(key));
    }

    @Override
    public void writeOnce(String key, byte[] notebook) {
        if (exists(key)) {
            throw new OutputExistsException(locationOf(key));
        }
        String writeId = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            try {
                client.putObject(put -> put.bucket(bucket).key(objectKey(key)).contentType(JSON).ifNoneMatch("*")
                                .metadata(Map.of(WRITE_ID, writeId)),
                        RequestBody.fromBytes(notebook));
                return;
            } catch (S3Exception e) {
                boolean conflict = e.statusCode() == 409 && attempt < CONFLICT_RETRIES;
                if (conflict) {
                    // ConditionalRequestConflict: another conditional write of this key is in flight; ask again.
                    continue;
                }
                if (landedAnyway(key, writeId, e)) {
                    return;
                }
                if (e.statusCode() == 412) {
                    throw new OutputExistsException(locationOf(key));
                }
                throw S3Errors.explain(e, "write the output notebook", locationOf(key), client);
            } catch (SdkException e) {
                if (landedAnyway(key, writeId, e)) {
                    return;
                }
                throw S3Errors.explain(e, "write the output notebook", locationOf(key), client);
            }
        }
    }

    /** Whether the failed write {@code writeId} stored its object all the same; asking may fail too. */
    private boolean landedAnyway(String key, String writeId, SdkException failure) {
        try {
            return writeId.equals(client.headObject(head -> head.bucket(bucket).key(objectKey(key)))
                    .metadata().get(WRITE_ID));
        } catch (SdkException e) {
            // NoSuchKey included: nothing landed. Whatever else, the write's own failure is what to report.
            failure.addSuppressed(e);
            return false;
        }
    }

    @Override
    public void writeCheckpoint(String key, byte[] partial) {
        String checkpoint = objectKey(key) + OutputKey.CHECKPOINT_SUFFIX;
        try {
            client.putObject(put -> put.bucket(bucket).key(checkpoint).contentType(JSON),
                    RequestBody.fromBytes(partial));
        } catch (SdkException e) {
            throw S3Errors.explain(e, "write the checkpoint", locationOf(key), client);
        }
    }

    @Override
    public void removeCheckpoint(String key) {
        String checkpoint = objectKey(key) + OutputKey.CHECKPOINT_SUFFIX;
        try {
            client.deleteObject(delete -> delete.bucket(bucket).key(checkpoint));
        } catch (SdkException e) {
            throw S3Errors.explain(e, "remove the checkpoint", locationOf(key), client);
        }
    }

    @Override
    public Optional<byte[]> readCheckpoint(String key) {
        return readObject(objectKey(key) + OutputKey.CHECKPOINT_SUFFIX, key);
    }

    @Override
    public Optional<byte[]> read(String key) {
        return readObject(objectKey(key), key);
    }

    private Optional<byte[]> readObject(String objectKey, String key) {
        try {
            return Optional.of(client.getObjectAsBytes(get -> get.bucket(bucket).key(objectKey)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw S3Errors.explain(e, "read the notebook", locationOf(key), client);
        }
    }

    @Override
    public boolean exists(String key) {
        try {
            client.headObject(head -> head.bucket(bucket).key(objectKey(key)));
            return true;
        } catch (NoSuchKeyException e) {
            // A HEAD has no body, so a missing bucket looks the same; the write that follows will say which.
            return false;
        } catch (SdkException e) {
            throw S3Errors.explain(e, "look for the notebook", locationOf(key), client);
        }
    }

    private String objectKey(String key) {
        OutputKey.check(key);
        return prefix.isEmpty() ? key : prefix + "/" + key;
    }

    @Override
    public String toString() {
        return "S3OutputStore[s3://" + bucket + "/" + prefix + "]";
    }
}
