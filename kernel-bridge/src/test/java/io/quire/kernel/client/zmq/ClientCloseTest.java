package io.quire.kernel.client.zmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.kernel.client.ClientClosedException;
import io.quire.kernel.message.ExecuteRequest;
import io.quire.kernel.message.KernelInfo;
import io.quire.kernel.wire.Channel;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClientCloseTest {

    @Test
    void closeFailsPendingRequestsAndLeavesNoThreadBehind() throws Exception {
        try (FakeKernel kernel = new FakeKernel("k")) {
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            ZmqKernelClient client = ZmqKernelClient.builder(kernel.connection()).build();
            CompletableFuture<KernelInfo> pending = client.kernelInfo();
            kernel.receive(Channel.SHELL); // the request left; the fake kernel never answers it
            Set<String> started = newThreadNames(before);

            client.close();

            assertThat(started).anyMatch(name -> name.startsWith("quire-kernel-io-"));
            assertThatThrownBy(() -> pending.get(1, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(ClientClosedException.class);
            assertThat(awaitNoNewThreads(before)).isEmpty();
        }
    }

    @Test
    void requestsAfterCloseFailAtOnceAndCloseIsIdempotent() {
        try (FakeKernel kernel = new FakeKernel("k")) {
            ZmqKernelClient client = ZmqKernelClient.builder(kernel.connection()).build();
            client.close();
            client.close();

            assertThat(client.execute(ExecuteRequest.of("1"), output -> { })).isCompletedExceptionally();
            assertThatThrownBy(() -> client.kernelInfo().join()).hasCauseInstanceOf(ClientClosedException.class);
        }
    }

    private static Set<String> newThreadNames(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName).collect(Collectors.toSet());
    }

    /** JeroMQ's reaper ends just after the context closes; give it a moment rather than racing it. */
    private static Set<String> awaitNoNewThreads(Set<Thread> before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        Set<String> remaining = newThreadNames(before);
        while (!remaining.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            remaining = newThreadNames(before);
        }
        return remaining;
    }
}
