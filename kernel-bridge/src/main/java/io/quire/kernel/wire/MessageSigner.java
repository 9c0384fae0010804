package io.quire.kernel.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies messages as the protocol requires: HMAC over the header, parent_header, metadata and content
 * frames, in that order, written as lowercase hex. Buffers are not signed (the protocol says so).
 *
 * <p>An empty key turns signing off, as in jupyter_client: signatures are empty and not checked. Thread-safe:
 * each call works on its own {@link Mac}.
 */
public final class MessageSigner {

    private static final byte[] NO_SIGNATURE = new byte[0];

    private final String scheme;
    private final Mac prototype;

    private MessageSigner(String scheme, Mac prototype) {
        this.scheme = scheme;
        this.prototype = prototype;
    }

    /**
     * A signer for a connection file's {@code signature_scheme} and {@code key}.
     *
     * @param scheme {@code hmac-sha256} (the default everywhere), {@code hmac-sha1}, {@code hmac-sha384},
     *               {@code hmac-sha512}
     * @throws IllegalArgumentException for an unknown scheme
     */
    public static MessageSigner of(String scheme, String key) {
        byte[] keyBytes = key == null ? NO_SIGNATURE : key.getBytes(StandardCharsets.UTF_8);
        if (keyBytes.length == 0) {
            return new MessageSigner(scheme, null);
        }
        String algorithm = javaAlgorithm(scheme);
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(keyBytes, algorithm));
            return new MessageSigner(scheme, mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("signature scheme " + scheme + " is not available", e);
        }
    }

    private static String javaAlgorithm(String scheme) {
        String normalized = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        return switch (normalized) {
            case "hmac-sha256" -> "HmacSHA256";
            case "hmac-sha1" -> "HmacSHA1";
            case "hmac-sha384" -> "HmacSHA384";
            case "hmac-sha512" -> "HmacSHA512";
            default -> throw new IllegalArgumentException("unsupported signature_scheme: " + scheme);
        };
    }

    /** Whether messages are signed at all (the key is not empty). */
    public boolean enabled() {
        return prototype != null;
    }

    /** The connection file's scheme name, e.g. {@code hmac-sha256}. */
    public String scheme() {
        return scheme;
    }

    /** The signature frame for the four signed frames: lowercase hex as ASCII bytes, or empty if disabled. */
    public byte[] sign(byte[] header, byte[] parentHeader, byte[] metadata, byte[] content) {
        if (prototype == null) {
            return NO_SIGNATURE;
        }
        Mac mac = freshMac();
        mac.update(header);
        mac.update(parentHeader);
        mac.update(metadata);
        mac.update(content);
        return HexFormat.of().formatHex(mac.doFinal()).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Whether {@code signature} is the right one for the four frames. Compared in constant time
     * ({@link MessageDigest#isEqual}) so that timing does not reveal how much of a forged signature was right.
     */
    public boolean verify(byte[] signature, byte[] header, byte[] parentHeader, byte[] metadata, byte[] content) {
        if (prototype == null) {
            return true;
        }
        return MessageDigest.isEqual(sign(header, parentHeader, metadata, content), signature);
    }

    private Mac freshMac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HMAC cannot be cloned", e);
        }
    }
}
