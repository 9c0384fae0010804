package io.quire.kernel.client.zmq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.kernel.client.Comm;
import io.quire.kernel.wire.Channel;
import io.quire.kernel.wire.Json;
import io.quire.kernel.wire.Message;
import io.quire.kernel.wire.Session;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/** A comm whose messages go out on the shell channel of a {@link ZmqKernelClient}. Thread-safe. */
final class ZmqComm implements Comm {

    private final String id;
    private final String targetName;
    private final Session session;
    private final BiFunction<Channel, Message, CompletableFuture<Void>> post;
    private final Consumer<String> onClose;

    ZmqComm(String id, String targetName, Session session,
            BiFunction<Channel, Message, CompletableFuture<Void>> post, Consumer<String> onClose) {
        this.id = id;
        this.targetName = targetName;
        this.session = session;
        this.post = post;
        this.onClose = onClose;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String targetName() {
        return targetName;
    }

    @Override
    public CompletableFuture<Void> send(JsonNode data, List<byte[]> buffers) {
        return post.apply(Channel.SHELL, session.message("comm_msg", content(data), null, buffers));
    }

    @Override
    public CompletableFuture<Void> close(JsonNode data) {
        onClose.accept(id);
        return post.apply(Channel.SHELL, session.message("comm_close", content(data), null, List.of()));
    }

    private ObjectNode content(JsonNode data) {
        ObjectNode content = Json.object().put("comm_id", id);
        content.set("data", data == null ? Json.object() : data);
        return content;
    }
}
