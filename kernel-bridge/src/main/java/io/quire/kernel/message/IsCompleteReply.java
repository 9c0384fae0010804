package io.quire.kernel.message;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.kernel.wire.Json;
import java.util.Arrays;
import java.util.Locale;

/**
 * An {@code is_complete_reply}: whether code typed so far is ready to run.
 *
 * @param status the verdict
 * @param indent when incomplete, the indentation the next line should start with; otherwise empty
 */
public record IsCompleteReply(Status status, String indent) {

    /** The verdicts the protocol defines. */
    public enum Status { COMPLETE, INCOMPLETE, INVALID, UNKNOWN }

    /** Reads an is_complete_reply content; an unrecognized status reads as {@link Status#UNKNOWN}. */
    public static IsCompleteReply from(JsonNode content) {
        String status = Json.text(content, "status", "unknown").toUpperCase(Locale.ROOT);
        Status verdict = Arrays.stream(Status.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElse(Status.UNKNOWN);
        return new IsCompleteReply(verdict, Json.text(content, "indent", ""));
    }
}
