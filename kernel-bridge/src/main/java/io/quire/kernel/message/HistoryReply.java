package io.quire.kernel.message;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.kernel.wire.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code history_reply}.
 *
 * @param status  ok or error
 * @param entries the entries, oldest first
 */
public record HistoryReply(ReplyStatus status, List<Entry> entries) {

    /**
     * One history entry: on the wire {@code [session, line, input]}, or {@code [session, line, [input, output]]}
     * when output was asked for.
     *
     * @param output the output's text, or {@code null} when not asked for or there was none
     */
    public record Entry(int session, int line, String input, String output) {
    }

    public HistoryReply {
        entries = List.copyOf(entries);
    }

    /** Reads a history_reply content. */
    public static HistoryReply from(JsonNode content) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode item : content.path("history")) {
            JsonNode source = item.path(2);
            boolean withOutput = source.isArray();
            String output = withOutput && !source.path(1).isNull() ? source.path(1).asText() : null;
            entries.add(new Entry(item.path(0).asInt(), item.path(1).asInt(),
                    withOutput ? source.path(0).asText() : source.asText(), output));
        }
        return new HistoryReply(ReplyStatus.of(Json.text(content, "status", null)), entries);
    }
}
