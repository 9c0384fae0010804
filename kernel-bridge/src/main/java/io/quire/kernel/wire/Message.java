package io.quire.kernel.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Jupyter message, as delivered by or handed to a {@link Session}.
 *
 * @param identities   ZeroMQ routing prefixes (frames before {@code <IDS|MSG>}); empty for messages we send from a
 *                     DEALER, since ZeroMQ adds the socket identity itself
 * @param header       this message's header
 * @param parentHeader the header of the request that caused it, or {@code null} when there is none
 * @param metadata     the metadata dict, never {@code null}
 * @param content      the content dict, never {@code null}
 * @param buffers      binary buffers: the frames after content, in order; often empty
 */
public record Message(List<byte[]> identities, Header header, Header parentHeader, ObjectNode metadata,
                      JsonNode content, List<byte[]> buffers) {

    public Message {
        identities = List.copyOf(identities);
        Objects.requireNonNull(header, "header");
        metadata = metadata == null ? Json.object() : metadata;
        content = content == null ? Json.object() : content;
        buffers = List.copyOf(buffers);
    }

    /** The same message addressed to other routing identities (a ROUTER's reply to a given peer). */
    public Message withIdentities(List<byte[]> newIdentities) {
        return new Message(newIdentities, header, parentHeader, metadata, content, buffers);
    }

    /** Shorthand for {@code header().msgType()}. */
    public String msgType() {
        return header.msgType();
    }

    /** Shorthand for {@code header().msgId()}. */
    public String msgId() {
        return header.msgId();
    }

    /** The msg_id of the request this message answers or reports on, if any. */
    public Optional<String> parentMsgId() {
        return parentHeader == null ? Optional.empty() : Optional.of(parentHeader.msgId());
    }
}
