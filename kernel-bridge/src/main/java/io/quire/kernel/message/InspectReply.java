package io.quire.kernel.message;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.kernel.wire.Json;

/**
 * An {@code inspect_reply}.
 *
 * @param status   ok or error
 * @param found    whether the kernel found something to say about the object
 * @param data     a mime bundle (e.g. {@code text/plain}), empty if not found
 * @param metadata the bundle's metadata
 */
public record InspectReply(ReplyStatus status, boolean found, JsonNode data, JsonNode metadata) {

    /** Reads an inspect_reply content. */
    public static InspectReply from(JsonNode content) {
        return new InspectReply(ReplyStatus.of(Json.text(content, "status", null)),
                content.path("found").asBoolean(false), content.path("data"), content.path("metadata"));
    }
}
