package io.quire.kernel.client.zmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.wire.Json;
import io.quire.kernel.wire.Message;
import io.quire.kernel.wire.MessageSigner;
import io.quire.kernel.wire.Session;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PendingRequestTest {

    private final Session session = new Session(MessageSigner.of("hmac-sha256", ""), "test");
    private final Message reply = session.message("execute_reply", Json.object().put("status", "ok"), null,
            List.of());

    @Test
    void anExecutionWaitsForIdleAfterItsReply() {
        PendingRequest execution = new PendingRequest(new CompletableFuture<>(), true, null, null);

        assertThat(execution.onReply(reply)).isFalse();
        assertThat(execution.result()).isNotDone();
        assertThat(execution.onIdle()).isTrue();
        assertThat(execution.result()).isCompletedWithValue(reply);
    }

    @Test
    void anExecutionWaitsForItsReplyAfterIdle() {
        PendingRequest execution = new PendingRequest(new CompletableFuture<>(), true, null, null);

        assertThat(execution.onIdle()).isFalse();
        assertThat(execution.result()).isNotDone();
        assertThat(execution.onReply(reply)).isTrue();
        assertThat(execution.result()).isCompletedWithValue(reply);
    }

    @Test
    void anOrdinaryRequestCompletesOnItsReply() {
        PendingRequest request = PendingRequest.reply(new CompletableFuture<>());

        assertThat(request.onReply(reply)).isTrue();
        assertThat(request.result()).isCompletedWithValue(reply);
    }
}
