package io.quire.runtime.testing;

import io.quire.domain.blob.BlobStore;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link BlobStore} in a map, for tests whose events live in memory too. */
public final class InMemoryBlobStore implements BlobStore {

    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();

    @Override
    public String put(byte[] content) {
        try {
            String address = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content));
            blobs.putIfAbsent(address, content.clone());
            return address;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<byte[]> get(String address) {
        return Optional.ofNullable(blobs.get(address)).map(byte[]::clone);
    }
}
