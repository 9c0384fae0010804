package io.quire.gateway.http.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.kernel.wire.Channel;
import io.quire.kernel.wire.Header;
import io.quire.kernel.wire.Json;
import io.quire.kernel.wire.Message;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Kernel messages to and from the JSON parts both WebSocket protocols carry. */
final class KernelMessages {

    private KernelMessages() {
    }

    /** The channel's name on the wire: {@code shell}, {@code iopub}, {@code stdin}, {@code control}. */
    static String name(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The message as jupyter_client's {@code Session.deserialize} makes it, which is what Jupyter Server sends in the
     * legacy protocol: {@code header, msg_id, msg_type, parent_header, metadata, content, channel} (and
     * {@code buffers}, left to the caller).
     */
    static ObjectNode dict(Channel channel, Message message) {
        ObjectNode dict = Json.object();
        dict.set("header", message.header().toJson());
        dict.put("msg_id", message.msgId());
        dict.put("msg_type", message.msgType());
        dict.set("parent_header", parent(message));
        dict.set("metadata", message.metadata());
        dict.set("content", message.content());
        dict.put("channel", name(channel));
        return dict;
    }

    static byte[] headerBytes(Message message) {
        return Json.bytes(message.header().toJson());
    }

    static byte[] parentBytes(Message message) {
        return Json.bytes(parent(message));
    }

    private static ObjectNode parent(Message message) {
        return message.parentHeader() == null ? Json.object() : message.parentHeader().toJson();
    }

    /** Parses one JSON part; {@code what} names it in the error. */
    static JsonNode parse(byte[] utf8, String what) throws BadFrameException {
        try {
            return Json.tree(utf8);
        } catch (IOException e) {
            throw new BadFrameException("the " + what + " is not valid JSON: " + firstLine(e.getMessage()), e);
        }
    }

    static JsonNode parse(String text, String what) throws BadFrameException {
        return parse(text.getBytes(StandardCharsets.UTF_8), what);
    }

    /**
     * A message from its parts, checked: a header with msg_id and msg_type; a parent header that is empty or a
     * header; metadata and content objects (missing ones are empty).
     */
    static Message message(JsonNode header, JsonNode parent, JsonNode metadata, JsonNode content,
                           List<byte[]> buffers) throws BadFrameException {
        Header parsedHeader = header(header, "header");
        if (parsedHeader == null) {
            throw new BadFrameException("the message has no header (with msg_id and msg_type)");
        }
        Header parsedParent = header(parent, "parent_header");
        return new Message(List.of(), parsedHeader, parsedParent, object(metadata, "metadata"),
                object(content, "content"), buffers);
    }

    private static Header header(JsonNode json, String what) throws BadFrameException {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return null;
        }
        if (!json.isObject()) {
            throw new BadFrameException("the " + what + " must be a JSON object");
        }
        if (!json.isEmpty() && !(json.path("msg_id").isTextual() && json.path("msg_type").isTextual())) {
            throw new BadFrameException("the " + what + " needs msg_id and msg_type strings");
        }
        try {
            return Header.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new BadFrameException("the " + what + " is malformed: " + e.getMessage(), e);
        }
    }

    private static ObjectNode object(JsonNode json, String what) throws BadFrameException {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return Json.object();
        }
        if (!(json instanceof ObjectNode object)) {
            throw new BadFrameException("the " + what + " must be a JSON object");
        }
        return object;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
