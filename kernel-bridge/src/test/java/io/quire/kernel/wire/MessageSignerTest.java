package io.quire.kernel.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageSignerTest {

    private static final byte[] HEADER = utf8("{\"msg_id\":\"a1\",\"msg_type\":\"kernel_info_request\"}");
    private static final byte[] PARENT = utf8("{}");
    private static final byte[] METADATA = utf8("{}");
    private static final byte[] CONTENT = utf8("{\"code\":\"1+1\"}");

    /** Computed with CPython: hmac.new(b"quire-test-key", digestmod=sha256) over the four frames in order. */
    private static final String PYTHON_DIGEST = "224306d39ffb50dd2d928f385710ca189a078b7d1209595867d3793a63506edb";

    @Test
    void signsLikePythonsHmacOverTheFourFramesInOrder() {
        MessageSigner signer = MessageSigner.of("hmac-sha256", "quire-test-key");

        byte[] signature = signer.sign(HEADER, PARENT, METADATA, CONTENT);

        assertThat(new String(signature, StandardCharsets.US_ASCII)).isEqualTo(PYTHON_DIGEST);
    }

    @Test
    void verifiesItsOwnSignatureAndNothingElse() {
        MessageSigner signer = MessageSigner.of("hmac-sha256", "quire-test-key");
        byte[] signature = utf8(PYTHON_DIGEST);

        assertThat(signer.verify(signature, HEADER, PARENT, METADATA, CONTENT)).isTrue();
        assertThat(signer.verify(signature, HEADER, PARENT, METADATA, utf8("{\"code\":\"1+2\"}"))).isFalse();
        assertThat(signer.verify(utf8(PYTHON_DIGEST.toUpperCase()), HEADER, PARENT, METADATA, CONTENT)).isFalse();
        assertThat(signer.verify(new byte[0], HEADER, PARENT, METADATA, CONTENT)).isFalse();
        assertThat(MessageSigner.of("hmac-sha256", "another-key")
                .verify(signature, HEADER, PARENT, METADATA, CONTENT)).isFalse();
    }

    @Test
    void frameBoundariesAreNotSigned() {
        // The protocol signs the concatenation, so moving bytes between frames keeps the digest: what protects
        // against that is that the frames must still parse as JSON objects.
        MessageSigner signer = MessageSigner.of("hmac-sha256", "k");

        assertThat(signer.sign(utf8("ab"), utf8("c"), utf8(""), utf8("")))
                .isEqualTo(signer.sign(utf8("a"), utf8("bc"), utf8(""), utf8("")));
    }

    @Test
    void anEmptyKeyTurnsSigningOff() {
        MessageSigner signer = MessageSigner.of("hmac-sha256", "");

        assertThat(signer.enabled()).isFalse();
        assertThat(signer.sign(HEADER, PARENT, METADATA, CONTENT)).isEmpty();
        assertThat(signer.verify(new byte[0], HEADER, PARENT, METADATA, CONTENT)).isTrue();
    }

    @Test
    void otherHashesOfTheHmacFamilyAreSupportedAndUnknownSchemesRefused() {
        assertThat(MessageSigner.of("hmac-sha512", "k").sign(HEADER, PARENT, METADATA, CONTENT)).hasSize(128);
        assertThatThrownBy(() -> MessageSigner.of("rsa-sha256", "k"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rsa-sha256");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
