package io.quire.kernel.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.kernel.wire.RejectedMessageException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One client session of the Jupyter messaging protocol: creates messages (header with a UUID msg_id, this
 * session's id, an ISO-8601 UTC date, version 5.3) and converts them to and from ZeroMQ frames.
 *
 * <p>The wire format, one ZeroMQ multipart message:
 * <pre>
 * [
 *   ident_0, ..., ident_n,   // routing identities (ROUTER prefixes); none when a DEALER sends
 *   b"&lt;IDS|MSG&gt;",            // delimiter
 *   signature,               // HMAC hex digest of the next four frames, b"" if the key is empty
 *   header,                  // JSON
 *   parent_header,           // JSON, {} if none
 *   metadata,                // JSON
 *   content,                 // JSON
 *   buffer_0, ..., buffer_m  // binary buffers, not signed
 * ]
 * </pre>
 *
 * <p>Thread-safe. Deserialization refuses unsigned or forged messages and replays of a message already seen.
 */
public final class Session {

    /** The frame that separates routing identities from the message. */
    public static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    private static final int SIGNED_FRAMES = 4;
    private static final int REPLAY_MEMORY = 1 << 16;

    private final String id = UUID.randomUUID().toString();
    private final String username;
    private final MessageSigner signer;
    private final ReplayGuard replays = new ReplayGuard(REPLAY_MEMORY);

    public Session(MessageSigner signer, String username) {
        this.signer = signer;
        this.username = username;
    }

    /** This session's id: the {@code session} of every header it creates. */
    public String id() {
        return id;
    }

    /** A new message with a fresh header; {@code parent} may be {@code null}. */
    public Message message(String msgType, JsonNode content, Header parent, List<byte[]> buffers) {
        Header header = new Header(UUID.randomUUID().toString(), id, username,
                OffsetDateTime.now(ZoneOffset.UTC), msgType, Header.PROTOCOL_VERSION);
        return new Message(List.of(), header, parent, Json.object(), content, buffers);
    }

    /** The frames of {@code message}, signed. */
    public List<byte[]> serialize(Message message) {
        byte[] header = Json.bytes(message.header().toJson());
        byte[] parent = Json.bytes(message.parentHeader() == null ? Json.object() : message.parentHeader().toJson());
        byte[] metadata = Json.bytes(message.metadata());
        byte[] content = Json.bytes(message.content());
        List<byte[]> frames = new ArrayList<>(message.identities().size() + 6 + message.buffers().size());
        frames.addAll(message.identities());
        frames.add(DELIMITER);
        frames.add(signer.sign(header, parent, metadata, content));
        frames.addAll(List.of(header, parent, metadata, content));
        frames.addAll(message.buffers());
        return frames;
    }

    /**
     * Reads the frames of one multipart message.
     *
     * @throws RejectedMessageException if they are malformed, badly signed, or a replay
     */
    public Message deserialize(List<byte[]> frames) throws RejectedMessageException {
        int delimiter = indexOfDelimiter(frames);
        if (delimiter < 0 || frames.size() < delimiter + 2 + SIGNED_FRAMES) {
            throw new RejectedMessageException(Reason.MALFORMED,
                    "expected <IDS|MSG>, signature and 4 JSON frames, got " + frames.size() + " frames");
        }
        byte[] signature = frames.get(delimiter + 1);
        List<byte[]> signed = frames.subList(delimiter + 2, delimiter + 2 + SIGNED_FRAMES);
        if (!signer.verify(signature, signed.get(0), signed.get(1), signed.get(2), signed.get(3))) {
            throw new RejectedMessageException(Reason.BAD_SIGNATURE, "signature does not match the session key");
        }
        if (signer.enabled() && !replays.firstSighting(signature)) {
            throw new RejectedMessageException(Reason.REPLAYED, "signature already seen: replayed message");
        }
        try {
            Header header = Header.fromJson(Json.tree(signed.get(0)));
            if (header == null) {
                throw new RejectedMessageException(Reason.MALFORMED, "empty header frame");
            }
            JsonNode metadata = Json.tree(signed.get(2));
            return new Message(frames.subList(0, delimiter), header, Header.fromJson(Json.tree(signed.get(1))),
                    metadata.isObject() ? (ObjectNode) metadata : Json.object(), Json.tree(signed.get(3)),
                    frames.subList(delimiter + 2 + SIGNED_FRAMES, frames.size()));
        } catch (IOException | IllegalArgumentException e) {
            throw new RejectedMessageException(Reason.MALFORMED, "unreadable message frame: " + e.getMessage(), e);
        }
    }

    private static int indexOfDelimiter(List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(DELIMITER, frames.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
