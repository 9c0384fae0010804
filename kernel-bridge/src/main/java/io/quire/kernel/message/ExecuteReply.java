package io.quire.kernel.message;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.kernel.wire.Json;
import java.util.List;

/**
 * An {@code execute_reply}. A cell that raised is a normal reply with status {@link ReplyStatus#ERROR}.
 *
 * @param status         ok, error or aborted
 * @param executionCount the kernel's execution counter for this cell; 0 when the kernel gave none
 * @param ename          the exception name when status is error, else {@code null}
 * @param evalue         the exception value when status is error, else {@code null}
 * @param traceback      traceback lines when status is error, else empty
 * @param content        the whole content, for fields not modelled here (payload, user_expressions)
 */
public record ExecuteReply(ReplyStatus status, int executionCount, String ename, String evalue,
                           List<String> traceback, JsonNode content) {

    public ExecuteReply {
        traceback = List.copyOf(traceback);
    }

    /** Reads an execute_reply content. */
    public static ExecuteReply from(JsonNode content) {
        return new ExecuteReply(ReplyStatus.of(Json.text(content, "status", null)),
                content.path("execution_count").asInt(0), Json.text(content, "ename", null),
                Json.text(content, "evalue", null), Lists.texts(content.get("traceback")), content);
    }
}
