package io.quire.kernel.client.zmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.message.KernelInfo;
import io.quire.kernel.wire.Channel;
import io.quire.kernel.wire.Json;
import io.quire.kernel.wire.Message;
import io.quire.kernel.wire.Session;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    @Test
    void aReplyAloneIsNotReadinessTheIopubIdleMustFollow() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        try (FakeKernel kernel = new FakeKernel("k");
             ZmqKernelClient client = ZmqKernelClient.builder(kernel.connection())
                     .listener((channel, message) -> seen.add(channel + " " + message.msgType())).build()) {
            CompletableFuture<KernelInfo> ready = client.ready(Duration.ofSeconds(10));
            Session session = kernel.session();
            Message request = session.deserialize(kernel.receive(Channel.SHELL));
            kernel.awaitSubscriber();

            kernel.send(Channel.SHELL, session.serialize(session.message("kernel_info_reply",
                    Json.object().put("implementation", "fake"), request.header(), List.of())
                    .withIdentities(request.identities())));
            assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("SHELL kernel_info_reply"); // routed already
            assertThat(ready).isNotDone();
            kernel.send(Channel.IOPUB, session.serialize(session.message("status",
                    Json.object().put("execution_state", "idle"), request.header(), List.of())));

            assertThat(ready.get(5, TimeUnit.SECONDS).implementation()).isEqualTo("fake");
        }
    }

    @Test
    void aKernelThatNeverAnswersTimesOut() {
        try (FakeKernel kernel = new FakeKernel("k");
             ZmqKernelClient client = ZmqKernelClient.builder(kernel.connection()).build()) {
            assertThat(client.ready(Duration.ofMillis(300))).failsWithin(Duration.ofSeconds(5))
                    .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(TimeoutException.class);
        }
    }
}
