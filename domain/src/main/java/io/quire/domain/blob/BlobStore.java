package io.quire.domain.blob;

import java.util.Optional;

/** Content-addressed storage for large output values: each distinct content is stored once, under its hash. */
public interface BlobStore {

    /**
     * Stores {@code content} if it is not stored yet.
     *
     * @return its address, {@code sha256:} followed by the hex SHA-256 of the content
     */
    String put(byte[] content);

    /** The content stored at {@code address}, if any. */
    Optional<byte[]> get(String address);
}
