package io.quire.gateway.kernels;

import io.quire.domain.notebook.event.ExecutionRequested;
import io.quire.gateway.http.channels.KernelSocket;
import io.quire.gateway.http.kernels.KernelTestServer;
import io.quire.gateway.notebook.Notebooks;
import io.quire.projections.versions.Version;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Executions a Jupyter client sends through a notebook session end up in that notebook's history and export, as
 * the connected user's, with the code the client sent.
 */
class ExecutionRecordingTest {

    private static final String PATH = "work/arithmetic.ipynb";

    @TempDir
    static Path data;
    static KernelTestServer server;
    static Notebooks notebooks;
    static String notebookId;
    static String bobToken;

    @BeforeAll
    static void start() throws Exception {
        server = KernelTestServer.start(data);
        notebooks = new Notebooks(server.quire());
        Path fixture = Path.of(ExecutionRecordingTest.class.getResource("/kernels/arithmetic.ipynb").toURI());
        notebookId = notebooks.importNotebook(Files.readAllBytes(fixture), fixture.toString(), PATH, "ann");
        bobToken = server.quire().users().add("bob");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void executionsInANotebookSessionAreRecordedOnTheirCellsAsTheConnectedUsers() throws Exception {
        JsonObject session = server.post("/api/sessions", new JsonObject().put("path", PATH).put("type", "notebook")
                .put("name", "arithmetic.ipynb").put("kernel", new JsonObject().put("name", "python3")).encode())
                .json();
        String kernelId = session.getJsonObject("kernel").getString("id");
        try (KernelSocket socket = KernelSocket.open(server, kernelId, true, "bob-session", bobToken)) {
            // JupyterLab names the cell; the code is what the browser holds, not yet saved
            socket.execute("1+1  # from the browser", new JsonObject().put("cellId", "add"));
            // a client that names no cell: the cell whose source is the code
            socket.execute("print('six times seven is', 6*7)", null);
            // neither a known cell nor any cell's code: relayed, not recorded
            KernelSocket.Execution scratch = socket.execute("3*3", new JsonObject().put("cellId", "scratch"));
            assertThat(scratch.first("execute_result").getJsonObject("content").getJsonObject("data")
                    .getString("text/plain")).isEqualTo("9");
        }

        List<Version> history = awaitHistory("cell multiply ended: ok");

        // One print is several writes; ipykernel may flush them as more than one stream message: count those once.
        List<String> summaries = new ArrayList<>();
        history.stream().filter(version -> version.version() > 0).map(Version::summary).forEach(summary -> {
            if (!(summary.endsWith("output stream") && !summaries.isEmpty()
                    && summaries.get(summaries.size() - 1).equals(summary))) {
                summaries.add(summary);
            }
        });
        assertThat(summaries).containsExactly(
                "ran cell add", "cell add started [1]", "cell add output execute_result", "cell add ended: ok",
                "ran cell multiply", "cell multiply started [2]", "cell multiply output stream",
                "cell multiply ended: ok");
        assertThat(history).filteredOn(version -> version.version() > 0).extracting(Version::user)
                .containsOnly("bob");
        assertThat(requestedCode()).containsExactly("1+1  # from the browser", "print('six times seven is', 6*7)");

        JsonArray cells = new JsonObject(new String(notebooks.export(PATH), StandardCharsets.UTF_8))
                .getJsonArray("cells");
        JsonObject add = cells.getJsonObject(1);
        assertThat(add.getInteger("execution_count")).isEqualTo(1);
        assertThat(add.getJsonArray("outputs").getJsonObject(0).getJsonObject("data").getValue("text/plain"))
                .isIn("2", new JsonArray().add("2"));
        JsonObject multiply = cells.getJsonObject(2);
        assertThat(multiply.getInteger("execution_count")).isEqualTo(2);
        assertThat(multiply.getJsonArray("outputs").getJsonObject(0).getString("name")).isEqualTo("stdout");
    }

    private static List<Version> awaitHistory(String summary) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            List<Version> history = notebooks.history(PATH);
            if (history.stream().anyMatch(version -> version.summary().equals(summary))) {
                return history;
            }
            assertThat(Instant.now()).as("'" + summary + "' in the history: " + history.stream()
                    .map(Version::summary).toList()).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static List<String> requestedCode() {
        return server.quire().eventStore().readEvents(notebookId).asStream()
                .map(event -> event.getPayload())
                .filter(ExecutionRequested.class::isInstance)
                .map(event -> ((ExecutionRequested) event).code())
                .toList();
    }
}
