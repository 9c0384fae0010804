package io.quire.kernel.message;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.kernel.wire.Json;
import io.quire.kernel.wire.Message;
import java.util.Optional;

/**
 * What a running cell shows, read from its iopub messages: the messages a notebook turns into outputs.
 */
public sealed interface Output
        permits StreamOutput, DisplayData, UpdateDisplayData, ExecuteResult, ErrorOutput, ClearOutput {

    /**
     * The output an iopub message carries, or empty for iopub messages that are not outputs (status,
     * execute_input, comm traffic).
     */
    static Optional<Output> from(Message message) {
        JsonNode content = message.content();
        return Optional.ofNullable(switch (message.msgType()) {
            case "stream" -> new StreamOutput(Json.text(content, "name", "stdout"), Json.text(content, "text", ""));
            case "display_data" -> new DisplayData(content.path("data"), content.path("metadata"),
                    displayId(content));
            case "update_display_data" -> new UpdateDisplayData(content.path("data"), content.path("metadata"),
                    displayId(content));
            case "execute_result" -> new ExecuteResult(content.path("execution_count").asInt(0),
                    content.path("data"), content.path("metadata"));
            case "error" -> new ErrorOutput(Json.text(content, "ename", ""), Json.text(content, "evalue", ""),
                    Lists.texts(content.get("traceback")));
            case "clear_output" -> new ClearOutput(content.path("wait").asBoolean(false));
            default -> null;
        });
    }

    private static String displayId(JsonNode content) {
        return Json.text(content.path("transient"), "display_id", null);
    }
}
