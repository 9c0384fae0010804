package io.quire.kernel.message;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.kernel.wire.Json;
import io.quire.kernel.wire.Message;
import java.util.List;

/**
 * A comm message from the kernel ({@code comm_open}, {@code comm_msg} or {@code comm_close}).
 *
 * @param commId   the comm it belongs to
 * @param data     the {@code data} object
 * @param metadata the message metadata
 * @param buffers  binary buffers that came with it
 */
public record CommMessage(String commId, JsonNode data, JsonNode metadata, List<byte[]> buffers) {

    public CommMessage {
        buffers = List.copyOf(buffers);
    }

    /** Reads a comm message. */
    public static CommMessage from(Message message) {
        JsonNode content = message.content();
        return new CommMessage(Json.text(content, "comm_id", ""), content.path("data"), message.metadata(),
                message.buffers());
    }
}
