package io.quire.gateway.http.runs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quire.domain.run.RunSettings;
import io.quire.domain.run.RunSource;
import io.quire.domain.run.RunTrigger;
import io.quire.domain.run.command.EndRun;
import io.quire.domain.run.command.RecordRunCellStart;
import io.quire.domain.run.command.RecordRunOutput;
import io.quire.domain.run.command.RequestRun;
import io.quire.domain.run.command.StartRun;
import io.quire.gateway.http.contents.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event stream's junction of replay and follow, without a kernel: a run's events are recorded straight through
 * the command gateway while clients open the stream at different moments; every client gets every event once, in
 * order, and the stream closes at the run's end. How soon after the end is not asserted: on a loaded machine a delivery
 * waited 9 s for the event loop, so a time bound here fails for the machine's sake, not the stream's.
 */
class RunEventStreamTest {

    private static final int OUTPUTS = 300;
    private static final int MAX_CLIENTS = 50;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.shared();
    }

    @Test
    void clientsJoiningWhileEventsAreRecordedGetEachEventOnceInOrder() throws Exception {
        String runId = UUID.randomUUID().toString();
        server.quire.commands().sendAndWait(new RequestRun(runId, RunSource.file("/tmp/junction.ipynb", "0".repeat(64)),
                JsonNodeFactory.instance.objectNode(), List.of(), RunSettings.defaults(), RunTrigger.API, null, null,
                "ann"));
        server.quire.commands().sendAndWait(new StartRun(runId, "k1", "python3", 1));
        server.quire.commands().sendAndWait(new RecordRunCellStart(runId, "c1", 0));
        URI events = URI.create("http://127.0.0.1:" + server.server.port() + "/quire/api/runs/" + runId + "/events");

        CompletableFuture<Void> recording = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < OUTPUTS; i++) {
                server.quire.commands().sendAndWait(new RecordRunOutput(runId, "c1", JsonNodeFactory.instance
                        .objectNode().put("output_type", "stream").put("name", "stdout").put("text", i + "\n")));
            }
            server.quire.commands().sendAndWait(new EndRun(runId, null, null, "recorded by the test"));
        });
        // A client every 20 ms while the run records, up to a bound: on a slow machine recording takes longer, and
        // an unbounded number of clients made it slower still (hundreds of streams starting at once).
        List<CompletableFuture<EventStreamClient.Stream>> clients = new ArrayList<>();
        while (!recording.isDone() && clients.size() < MAX_CLIENTS) {
            clients.add(CompletableFuture.supplyAsync(() -> EventStreamClient.read(events, TestServer.TOKEN, null,
                    Duration.ofSeconds(60))));
            Thread.sleep(20);
        }
        recording.get();

        long total = 3 + OUTPUTS + 1;
        assertThat(clients).hasSizeGreaterThan(2);
        for (CompletableFuture<EventStreamClient.Stream> client : clients) {
            EventStreamClient.Stream stream = client.get();
            assertThat(stream.events().stream().map(EventStreamClient.Event::id).toList())
                    .isEqualTo(LongStream.range(0, total).boxed().toList());
            assertThat(stream.types().get((int) total - 1)).isEqualTo("RunSucceeded");
            assertThat(stream.events().get(3 + 7).data().get("output").get("text").asText()).isEqualTo("7\n");
        }
    }
}
