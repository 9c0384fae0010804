package io.quire.kernel.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.kernel.wire.RejectedMessageException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionTest {

    private final Session session = new Session(MessageSigner.of("hmac-sha256", "secret"), "alice");

    @Test
    void framesAreIdentitiesDelimiterSignatureFourJsonFramesThenBuffers() {
        Message message = withIdentity(session.message("comm_msg", Json.object().put("comm_id", "c1"), null,
                List.of(new byte[] {0, 1, 2}, new byte[] {(byte) 255})));

        List<byte[]> frames = session.serialize(message);

        assertThat(frames).hasSize(1 + 1 + 1 + 4 + 2);
        assertThat(text(frames.get(0))).isEqualTo("client-1");
        assertThat(text(frames.get(1))).isEqualTo("<IDS|MSG>");
        assertThat(text(frames.get(2))).matches("[0-9a-f]{64}");
        assertThat(text(frames.get(4))).isEqualTo("{}");
        assertThat(frames.get(7)).containsExactly(0, 1, 2);
        assertThat(frames.get(8)).containsExactly(255);
    }

    @Test
    void headersCarryUuidSessionUtcDateAndProtocolVersion() throws Exception {
        Message message = session.message("kernel_info_request", Json.object(), null, List.of());

        var header = Json.tree(session.serialize(message).get(2));

        assertThat(header.get("msg_id").asText()).matches("[0-9a-f-]{36}");
        assertThat(header.get("session").asText()).isEqualTo(session.id());
        assertThat(header.get("username").asText()).isEqualTo("alice");
        assertThat(header.get("version").asText()).isEqualTo("5.3");
        assertThat(OffsetDateTime.parse(header.get("date").asText()).getOffset().getTotalSeconds()).isZero();
        assertThat(header.get("date").asText()).endsWith("Z");
    }

    @Test
    void aSerializedMessageReadsBackWithItsParentAndBuffers() throws Exception {
        Message parent = session.message("execute_request", Json.object().put("code", "1+1"), null, List.of());
        Message reply = session.message("execute_reply", Json.object().put("status", "ok"), parent.header(),
                List.of(new byte[] {42}));

        Message read = session.deserialize(session.serialize(withIdentity(reply)));

        assertThat(read.msgId()).isEqualTo(reply.msgId());
        assertThat(read.parentMsgId()).contains(parent.msgId());
        assertThat(read.content().get("status").asText()).isEqualTo("ok");
        assertThat(read.buffers()).singleElement().satisfies(buffer -> assertThat(buffer).containsExactly(42));
        assertThat(read.identities()).singleElement().satisfies(id -> assertThat(text(id)).isEqualTo("client-1"));
    }

    @Test
    void tamperedContentIsRejectedAsBadSignature() {
        List<byte[]> frames = new ArrayList<>(session.serialize(
                session.message("stream", Json.object().put("text", "hi"), null, List.of())));
        frames.set(5, "{\"text\":\"rm -rf\"}".getBytes(StandardCharsets.UTF_8));

        assertRejected(frames, Reason.BAD_SIGNATURE);
    }

    @Test
    void aMessageSignedWithAnotherKeyOrUnsignedIsRejected() {
        Session stranger = new Session(MessageSigner.of("hmac-sha256", "other"), "mallory");
        List<byte[]> forged = stranger.serialize(stranger.message("stream", Json.object(), null, List.of()));
        List<byte[]> unsigned = new ArrayList<>(forged);
        unsigned.set(1, new byte[0]);

        assertRejected(forged, Reason.BAD_SIGNATURE);
        assertRejected(unsigned, Reason.BAD_SIGNATURE);
    }

    @Test
    void aReplayedMessageIsRejectedTheSecondTime() throws Exception {
        List<byte[]> frames = session.serialize(session.message("stream", Json.object(), null, List.of()));

        session.deserialize(frames);

        assertRejected(frames, Reason.REPLAYED);
    }

    @Test
    void framesWithoutDelimiterOrWithBrokenJsonAreMalformed() {
        List<byte[]> frames = new ArrayList<>(session.serialize(
                session.message("stream", Json.object(), null, List.of())));
        List<byte[]> noDelimiter = frames.subList(1, frames.size());
        Session unsigned = new Session(MessageSigner.of("hmac-sha256", ""), "bob");
        List<byte[]> brokenJson = new ArrayList<>(unsigned.serialize(
                unsigned.message("stream", Json.object(), null, List.of())));
        brokenJson.set(2, "{not json".getBytes(StandardCharsets.UTF_8));

        assertRejected(noDelimiter, Reason.MALFORMED);
        assertThatThrownBy(() -> unsigned.deserialize(brokenJson))
                .isInstanceOfSatisfying(RejectedMessageException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasCauseInstanceOf(java.io.IOException.class);
    }

    private void assertRejected(List<byte[]> frames, Reason reason) {
        assertThatThrownBy(() -> session.deserialize(frames))
                .isInstanceOfSatisfying(RejectedMessageException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static Message withIdentity(Message message) {
        return new Message(List.of("client-1".getBytes(StandardCharsets.UTF_8)), message.header(),
                message.parentHeader(), message.metadata(), message.content(), message.buffers());
    }

    private static String text(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8);
    }
}
