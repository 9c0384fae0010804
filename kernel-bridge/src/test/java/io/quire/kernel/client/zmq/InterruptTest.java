package io.quire.kernel.client.zmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.message.ExecuteReply;
import io.quire.kernel.message.ExecuteRequest;
import io.quire.kernel.message.ReplyStatus;
import io.quire.kernel.message.StreamOutput;
import io.quire.kernel.spec.InterruptMode;
import io.quire.kernel.testkernel.LocalKernel;
import io.quire.kernel.testkernel.SharedKernel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKernel.class)
class InterruptTest {

    private static final String SLEEP = "print('sleeping', flush=True)\nimport time\ntime.sleep(60)";

    static LocalKernel kernel;
    static ZmqKernelClient client;

    @BeforeAll
    static void connect(LocalKernel shared) throws Exception {
        kernel = shared;
        client = kernel.clientBuilder().build();
        client.ready(Duration.ofSeconds(30)).get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void aSignalInterruptEndsASleepingCellWithKeyboardInterrupt() throws Exception {
        assertInterruptEndsSleep(client);
    }

    @Test
    void aMessageModeInterruptGoesThroughTheControlChannel() throws Exception {
        // ipykernel also honours interrupt_request (it signals itself), so message mode can be tested for real.
        try (ZmqKernelClient messageMode = ZmqKernelClient.builder(kernel.connection())
                .interruptMode(InterruptMode.MESSAGE).build()) {
            messageMode.ready(Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS);

            assertInterruptEndsSleep(messageMode);
        }
    }

    @Test
    void aSignalModeClientWithoutInterrupterRefusesToInterrupt() {
        try (ZmqKernelClient bare = ZmqKernelClient.builder(kernel.connection()).build()) {
            assertThat(bare.interrupt()).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(Exception.class)
                    .withCauseInstanceOf(IllegalStateException.class);
        }
    }

    private static void assertInterruptEndsSleep(ZmqKernelClient interrupting) throws Exception {
        CompletableFuture<Void> sleeping = new CompletableFuture<>();
        CompletableFuture<ExecuteReply> cell = interrupting.execute(ExecuteRequest.of(SLEEP), output -> {
            if (output instanceof StreamOutput stream && stream.text().contains("sleeping")) {
                sleeping.complete(null); // SIGINT is ignored between cells: send it only once the cell runs
            }
        });
        sleeping.get(10, TimeUnit.SECONDS);

        long start = System.nanoTime();
        interrupting.interrupt().get(10, TimeUnit.SECONDS);
        ExecuteReply reply = cell.get(20, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(reply.status()).isEqualTo(ReplyStatus.ERROR);
        assertThat(reply.ename()).isEqualTo("KeyboardInterrupt");
        // Far less than the cell's 60 s sleep; a loaded machine may take seconds to format and send the traceback.
        assertThat(took).isLessThan(Duration.ofSeconds(15));
        // The kernel stays usable. ipykernel aborts requests that reach it while it still handles the error
        // (stop_on_error), which a loaded machine can make happen: such a request is answered ABORTED, not run.
        ReplyStatus next = ReplyStatus.ABORTED;
        for (int attempt = 0; attempt < 5 && next == ReplyStatus.ABORTED; attempt++) {
            Thread.sleep(attempt * 100L);
            next = interrupting.execute(ExecuteRequest.of("1+1"), output -> { }).get(10, TimeUnit.SECONDS).status();
        }
        assertThat(next).isEqualTo(ReplyStatus.OK);
    }
}
