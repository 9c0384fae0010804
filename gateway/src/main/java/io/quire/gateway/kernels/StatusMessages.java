package io.quire.gateway.kernels;

import io.quire.kernel.wire.Header;
import io.quire.kernel.wire.Json;
import io.quire.kernel.wire.Message;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The iopub status messages the server makes up, as Jupyter Server does ({@code restarting}, {@code dead}, and
 * {@code starting} for a new kernel whose own first status nobody was subscribed for yet): no parent, and, as
 * Jupyter's, the session of the front end they are sent to.
 */
final class StatusMessages {

    private final String serverSession = UUID.randomUUID().toString();

    Message status(String executionState, String peerSession) {
        Header header = new Header(UUID.randomUUID().toString(), peerSession == null ? serverSession : peerSession,
                "quire", OffsetDateTime.now(ZoneOffset.UTC), "status", Header.PROTOCOL_VERSION);
        return new Message(List.of(), header, null, Json.object(),
                Json.object().put("execution_state", executionState), List.of());
    }
}
