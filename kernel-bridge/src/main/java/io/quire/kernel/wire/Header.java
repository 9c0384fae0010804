package io.quire.kernel.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A message header as the Jupyter messaging protocol 5.3 defines it.
 *
 * @param msgId    unique per message (a UUID for the messages we create)
 * @param session  the id of the sending session
 * @param username who sent it
 * @param date     when it was created; ISO-8601 with a time zone on the wire; {@code null} if a peer omitted it
 * @param msgType  e.g. {@code execute_request}
 * @param version  the protocol version, {@code "5.3"} for ours
 */
public record Header(String msgId, String session, String username, OffsetDateTime date, String msgType,
                     String version) {

    /** The protocol version this module speaks. */
    public static final String PROTOCOL_VERSION = "5.3";

    public Header {
        Objects.requireNonNull(msgId, "msgId");
        Objects.requireNonNull(msgType, "msgType");
    }

    /** The header as the JSON object that goes into the header (or parent_header) frame. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("msg_id", msgId);
        json.put("session", session);
        json.put("username", username);
        json.put("date", date == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date));
        json.put("msg_type", msgType);
        json.put("version", version);
        return json;
    }

    /**
     * Reads a header frame; an empty object (a parent_header of a message without a parent) gives {@code null}.
     *
     * @throws IllegalArgumentException if the object has fields but no msg_id or msg_type
     */
    public static Header fromJson(JsonNode json) {
        if (json == null || json.isNull() || json.isEmpty()) {
            return null;
        }
        String msgId = Json.text(json, "msg_id", null);
        String msgType = Json.text(json, "msg_type", null);
        if (msgId == null || msgType == null) {
            throw new IllegalArgumentException("header without msg_id or msg_type: " + json);
        }
        return new Header(msgId, Json.text(json, "session", ""), Json.text(json, "username", ""),
                parseDate(Json.text(json, "date", null)), msgType, Json.text(json, "version", ""));
    }

    /** Kernels older than 5.1 sent naive dates; like jupyter_client we read those as UTC rather than failing. */
    private static OffsetDateTime parseDate(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
