package io.quire.gateway.http.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.kernel.wire.Channel;
import io.quire.kernel.wire.Json;
import io.quire.kernel.wire.Message;
import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The legacy protocol (no subprotocol negotiated): each message one JSON text frame, the message dict with a
 * {@code channel} field. A message with binary buffers goes in one binary frame instead, framed as Jupyter's
 * {@code serialize_binary_message} does:
 * <pre>
 * [ nbufs: uint32 BE ][ offset_0 .. offset_{nbufs-1}: uint32 BE ][ JSON dict ][ buffer_1 ] ... [ buffer_{nbufs-1} ]
 * </pre>
 * where nbufs counts the JSON part and the buffers, and each offset is from the start of the frame.
 */
final class JsonWireProtocol implements WireProtocol {

    static final JsonWireProtocol INSTANCE = new JsonWireProtocol();

    @Override
    public String subprotocol() {
        return null;
    }

    @Override
    public Outbound encode(Channel channel, Message message) {
        ObjectNode dict = KernelMessages.dict(channel, message);
        if (message.buffers().isEmpty()) {
            dict.putArray("buffers");
            return Outbound.text(new String(Json.bytes(dict), StandardCharsets.UTF_8));
        }
        List<byte[]> parts = new ArrayList<>();
        parts.add(Json.bytes(dict));
        parts.addAll(message.buffers());
        int headerSize = 4 * (parts.size() + 1);
        Buffer frame = Buffer.buffer(headerSize + parts.stream().mapToInt(part -> part.length).sum());
        frame.appendInt(parts.size());
        int offset = headerSize;
        for (byte[] part : parts) {
            frame.appendInt(offset);
            offset += part.length;
        }
        parts.forEach(frame::appendBytes);
        return Outbound.binary(frame);
    }

    @Override
    public Inbound decode(String text) throws BadFrameException {
        return fromDict(KernelMessages.parse(text, "message"), List.of());
    }

    @Override
    public Inbound decode(Buffer binary) throws BadFrameException {
        int length = binary.length();
        if (length < 4) {
            throw new BadFrameException("a binary message needs at least a 4-byte part count");
        }
        long count = binary.getUnsignedInt(0);
        if (count < 1 || 4 * (count + 1) > length) {
            throw new BadFrameException("a binary message of " + length + " bytes cannot hold " + count + " parts");
        }
        int parts = (int) count;
        long[] offsets = new long[parts + 1];
        for (int i = 0; i < parts; i++) {
            offsets[i] = binary.getUnsignedInt(4 * (i + 1));
        }
        offsets[parts] = length;
        if (offsets[0] < 4L * (parts + 1)) {
            throw new BadFrameException("the first part of a binary message overlaps its offset table");
        }
        for (int i = 0; i < parts; i++) {
            if (offsets[i + 1] < offsets[i] || offsets[i] > length) {
                throw new BadFrameException("the offsets of a binary message are out of order or out of bounds");
            }
        }
        JsonNode dict = KernelMessages.parse(binary.getBytes((int) offsets[0], (int) offsets[1]), "message");
        List<byte[]> buffers = new ArrayList<>();
        for (int i = 1; i < parts; i++) {
            buffers.add(binary.getBytes((int) offsets[i], (int) offsets[i + 1]));
        }
        return fromDict(dict, buffers);
    }

    private static Inbound fromDict(JsonNode dict, List<byte[]> buffers) throws BadFrameException {
        if (!dict.isObject()) {
            throw new BadFrameException("a message must be a JSON object");
        }
        JsonNode channel = dict.get("channel");
        if (channel != null && !channel.isNull() && !channel.isTextual()) {
            throw new BadFrameException("the channel must be a string");
        }
        Message message = KernelMessages.message(dict.get("header"), dict.get("parent_header"),
                dict.get("metadata"), dict.get("content"), buffers);
        return new Inbound(channel == null || channel.isNull() ? "shell" : channel.asText(), message);
    }
}
