package io.quire.kernel.message;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.kernel.wire.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code comm_info_reply}: the comms open in the kernel.
 *
 * @param status ok or error
 * @param comms  target name by comm id
 */
public record CommInfoReply(ReplyStatus status, Map<String, String> comms) {

    public CommInfoReply {
        comms = Map.copyOf(comms);
    }

    /** Reads a comm_info_reply content. */
    public static CommInfoReply from(JsonNode content) {
        Map<String, String> comms = new LinkedHashMap<>();
        content.path("comms").fields()
                .forEachRemaining(e -> comms.put(e.getKey(), Json.text(e.getValue(), "target_name", "")));
        return new CommInfoReply(ReplyStatus.of(Json.text(content, "status", null)), comms);
    }
}
