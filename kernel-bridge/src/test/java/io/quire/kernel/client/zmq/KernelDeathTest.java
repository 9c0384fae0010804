package io.quire.kernel.client.zmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.kernel.client.KernelDiedException;
import io.quire.kernel.message.ExecuteReply;
import io.quire.kernel.message.ExecuteRequest;
import io.quire.kernel.message.ReplyStatus;
import io.quire.kernel.message.ShutdownReply;
import io.quire.kernel.message.StreamOutput;
import io.quire.kernel.testkernel.LocalKernel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Ends of a kernel's life; each test has a kernel of its own since each one ends it. */
class KernelDeathTest {

    private static final Duration BEAT = Duration.ofMillis(200);
    private static final int MISSES = 3;

    @Test
    void aKernelKilledMidCellIsDetectedByHeartbeatAndThePendingExecutionFails() throws Exception {
        try (LocalKernel kernel = LocalKernel.start();
             ZmqKernelClient client = kernel.clientBuilder().heartbeat(BEAT, MISSES).build()) {
            client.ready(Duration.ofSeconds(30)).get(30, TimeUnit.SECONDS);
            CompletableFuture<Void> running = new CompletableFuture<>();
            CompletableFuture<ExecuteReply> cell = client.execute(
                    ExecuteRequest.of("print('busy', flush=True)\nimport time\ntime.sleep(60)"), output -> {
                        if (output instanceof StreamOutput) {
                            running.complete(null);
                        }
                    });
            running.get(10, TimeUnit.SECONDS);

            long start = System.nanoTime();
            kernel.killHard();
            KernelDiedException death = client.death().get(5, TimeUnit.SECONDS);
            Duration detectedAfter = Duration.ofNanos(System.nanoTime() - start);

            assertThat(death.missedBeats()).isEqualTo(MISSES);
            // About MISSES beats; the slack is for a loaded machine, still well under the default beat's 3 s.
            assertThat(detectedAfter).isLessThan(BEAT.multipliedBy(MISSES + 8));
            assertThatThrownBy(() -> cell.get(1, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCause(death);
            assertThat(client.kernelInfo()).failsWithin(Duration.ofSeconds(1))
                    .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(KernelDiedException.class);
        }
    }

    @Test
    void shutdownIsAnsweredTheProcessExitsAndTheHeartbeatDoesNotCallItDeath() throws Exception {
        try (LocalKernel kernel = LocalKernel.start();
             ZmqKernelClient client = kernel.clientBuilder().heartbeat(BEAT, MISSES).build()) {
            client.ready(Duration.ofSeconds(30)).get(30, TimeUnit.SECONDS);

            ShutdownReply reply = client.shutdown(true).get(10, TimeUnit.SECONDS);

            assertThat(reply.status()).isEqualTo(ReplyStatus.OK);
            assertThat(reply.restart()).isTrue();
            assertThat(kernel.process().waitFor(10, TimeUnit.SECONDS)).as(kernel.log()).isTrue();
            // Well past MISSES beats: a kernel we asked to stop is not a dead kernel.
            assertThat(client.death()).isNotDone();
            Thread.sleep(BEAT.multipliedBy(MISSES + 2).toMillis());
            assertThat(client.death()).isNotDone();
        }
    }
}
