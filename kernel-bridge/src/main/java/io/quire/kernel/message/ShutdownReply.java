package io.quire.kernel.message;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.kernel.wire.Json;

/**
 * A {@code shutdown_reply}: the kernel is about to exit.
 *
 * @param status  ok or error
 * @param restart echoes the request's flag: whoever owns the process is expected to start it again
 */
public record ShutdownReply(ReplyStatus status, boolean restart) {

    /** Reads a shutdown_reply content. */
    public static ShutdownReply from(JsonNode content) {
        return new ShutdownReply(ReplyStatus.of(Json.text(content, "status", "ok")),
                content.path("restart").asBoolean(false));
    }
}
