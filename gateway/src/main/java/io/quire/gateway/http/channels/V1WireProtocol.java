package io.quire.gateway.http.channels;

import io.quire.kernel.wire.Channel;
import io.quire.kernel.wire.Json;
import io.quire.kernel.wire.Message;
import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code v1.kernel.websocket.jupyter.org} subprotocol: every message one binary frame, as Jupyter Server's
 * {@code serialize_msg_to_ws_v1} builds it, all integers 64-bit little-endian:
 * <pre>
 * [ n ][ offset_0 .. offset_{n-1} ][ channel ][ header ][ parent_header ][ metadata ][ content ][ buffer ] ...
 * </pre>
 * {@code offset_0} is where the channel name starts, {@code offset_i} where part i starts, and the last offset where
 * the last part ends; so n is the number of parts plus two.
 */
final class V1WireProtocol implements WireProtocol {

    static final V1WireProtocol INSTANCE = new V1WireProtocol();

    static final String NAME = "v1.kernel.websocket.jupyter.org";
    private static final int JSON_PARTS = 4;

    @Override
    public String subprotocol() {
        return NAME;
    }

    @Override
    public Outbound encode(Channel channel, Message message) {
        List<byte[]> parts = new ArrayList<>(JSON_PARTS + message.buffers().size());
        parts.add(KernelMessages.headerBytes(message));
        parts.add(KernelMessages.parentBytes(message));
        parts.add(Json.bytes(message.metadata()));
        parts.add(Json.bytes(message.content()));
        parts.addAll(message.buffers());
        byte[] name = KernelMessages.name(channel).getBytes(StandardCharsets.UTF_8);
        int count = parts.size() + 2;
        long offset = 8L * (1 + count);
        Buffer frame = Buffer.buffer();
        frame.appendLongLE(count);
        frame.appendLongLE(offset);
        offset += name.length;
        frame.appendLongLE(offset);
        for (byte[] part : parts) {
            offset += part.length;
            frame.appendLongLE(offset);
        }
        frame.appendBytes(name);
        parts.forEach(frame::appendBytes);
        return Outbound.binary(frame);
    }

    @Override
    public Inbound decode(String text) throws BadFrameException {
        throw new BadFrameException(NAME + " carries messages in binary frames only, not text");
    }

    @Override
    public Inbound decode(Buffer binary) throws BadFrameException {
        int length = binary.length();
        if (length < 8) {
            throw new BadFrameException("a message needs at least an 8-byte offset count");
        }
        long count = binary.getLongLE(0);
        if (count < JSON_PARTS + 2 || count > length / 8 - 1) {
            throw new BadFrameException("a message of " + length + " bytes cannot have " + count
                    + " offsets (a channel and 4 JSON parts need 6)");
        }
        int offsets = (int) count;
        long[] at = new long[offsets];
        for (int i = 0; i < offsets; i++) {
            at[i] = binary.getLongLE(8 * (i + 1));
        }
        if (at[0] < 8L * (offsets + 1)) {
            throw new BadFrameException("the channel overlaps the offset table");
        }
        for (int i = 1; i < offsets; i++) {
            if (at[i] < at[i - 1] || at[i] > length) {
                throw new BadFrameException("the offsets are out of order or out of bounds");
            }
        }
        String channel = binary.getString((int) at[0], (int) at[1], "UTF-8");
        List<byte[]> parts = new ArrayList<>(offsets - 2);
        for (int i = 1; i < offsets - 1; i++) {
            parts.add(binary.getBytes((int) at[i], (int) at[i + 1]));
        }
        Message message = KernelMessages.message(KernelMessages.parse(parts.get(0), "header"),
                KernelMessages.parse(parts.get(1), "parent_header"), KernelMessages.parse(parts.get(2), "metadata"),
                KernelMessages.parse(parts.get(3), "content"), parts.subList(JSON_PARTS, parts.size()));
        return new Inbound(channel.isEmpty() ? "shell" : channel, message);
    }
}
