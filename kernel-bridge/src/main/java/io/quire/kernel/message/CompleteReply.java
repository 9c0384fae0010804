package io.quire.kernel.message;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.kernel.wire.Json;
import java.util.List;

/**
 * A {@code complete_reply}.
 *
 * @param status      ok or error
 * @param matches     the candidate completions
 * @param cursorStart start of the text the matches replace
 * @param cursorEnd   end of the text the matches replace
 * @param metadata    kernel-specific extras (e.g. IPython's experimental types), empty if none
 */
public record CompleteReply(ReplyStatus status, List<String> matches, int cursorStart, int cursorEnd,
                            JsonNode metadata) {

    public CompleteReply {
        matches = List.copyOf(matches);
    }

    /** Reads a complete_reply content. */
    public static CompleteReply from(JsonNode content) {
        return new CompleteReply(ReplyStatus.of(Json.text(content, "status", null)),
                Lists.texts(content.get("matches")), content.path("cursor_start").asInt(),
                content.path("cursor_end").asInt(), content.path("metadata"));
    }
}
