package io.quire.gateway.http.channels;

import io.vertx.core.buffer.Buffer;

/** One WebSocket message to send: text, or binary when {@code text} is null. */
record Outbound(String text, Buffer binary) {

    static Outbound text(String text) {
        return new Outbound(text, null);
    }

    static Outbound binary(Buffer binary) {
        return new Outbound(null, binary);
    }
}
