package io.quire.gateway.http.channels;

import io.quire.kernel.wire.Channel;
import io.quire.kernel.wire.Message;
import io.vertx.core.buffer.Buffer;

/**
 * How kernel messages travel in the WebSocket messages of {@code /api/kernels/{id}/channels}: the legacy JSON
 * protocol ({@link JsonWireProtocol}), or the binary {@code v1.kernel.websocket.jupyter.org} subprotocol
 * ({@link V1WireProtocol}). Implementations are stateless and thread-safe, one instance each: a message broadcast
 * to many front ends is encoded once per protocol instance.
 */
interface WireProtocol {

    /** The WebSocket subprotocol that selects it, or null for the one used when none is negotiated. */
    String subprotocol();

    Outbound encode(Channel channel, Message message);

    Inbound decode(String text) throws BadFrameException;

    Inbound decode(Buffer binary) throws BadFrameException;

    /** The protocol for the subprotocol the WebSocket negotiated (null or empty: none, the legacy one). */
    static WireProtocol forSubprotocol(String subprotocol) {
        return V1WireProtocol.NAME.equals(subprotocol) ? V1WireProtocol.INSTANCE : JsonWireProtocol.INSTANCE;
    }
}
