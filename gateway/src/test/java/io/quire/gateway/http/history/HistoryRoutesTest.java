package io.quire.gateway.http.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.gateway.http.contents.TestServer;
import io.quire.gateway.http.contents.TestServer.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Quire's own history API: versions, the notebook at a version, and as it was at an instant. */
class HistoryRoutesTest {

    private static TestServer server;
    private static Instant beforeEdit;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.shared();
        server.put("/api/contents/history/report.ipynb", model("print('v0')"));
        Thread.sleep(20);
        beforeEdit = Instant.now();
        Thread.sleep(20);
        server.put("/api/contents/history/report.ipynb", model("print('v1')"));
    }

    static ObjectNode model(String source) {
        ObjectNode notebook = TestServer.JSON.createObjectNode();
        ObjectNode cell = notebook.putArray("cells").addObject().put("cell_type", "code").put("id", "c1")
                .put("source", source);
        cell.putObject("metadata");
        cell.putArray("outputs");
        cell.putNull("execution_count");
        notebook.putObject("metadata");
        notebook.put("nbformat", 4).put("nbformat_minor", 5);
        ObjectNode model = TestServer.JSON.createObjectNode().put("type", "notebook").put("format", "json");
        model.set("content", notebook);
        return model;
    }

    @Test
    void versionsListEveryVersionWithWhoWhenAndWhat() {
        Answer answer = server.get("/quire/api/notebooks/history/report.ipynb/versions");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode versions = answer.json();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("version").asLong()).isZero();
        assertThat(versions.get(0).get("user").asText()).isEqualTo("ann");
        assertThat(versions.get(0).get("summary").asText()).startsWith("imported history/report.ipynb");
        assertThat(Instant.parse(versions.get(0).get("at").asText())).isBefore(beforeEdit);
        assertThat(versions.get(0).get("name").isNull()).isTrue();
        assertThat(versions.get(1).get("summary").asText()).startsWith("edited cell c1");
    }

    @Test
    void aVersionIsTheNotebookAsItWasThen() {
        Answer v0 = server.get("/quire/api/notebooks/history/report.ipynb/versions/0");

        assertThat(v0.status()).isEqualTo(200);
        assertThat(v0.header("Content-Type")).isEqualTo("application/x-ipynb+json");
        assertThat(v0.header("Quire-Version")).isEqualTo("0");
        assertThat(TestServer.text(v0.json().get("cells").get(0).get("source"))).isEqualTo("print('v0')");
        assertThat(server.get("/quire/api/notebooks/history/report.ipynb/versions/9").status()).isEqualTo(404);
    }

    @Test
    void theNotebookIsServedNowOrAsItWasAtAnInstant() {
        Answer now = server.get("/quire/api/notebooks/history/report.ipynb");
        assertThat(now.header("Quire-Version")).isEqualTo("1");
        assertThat(TestServer.text(now.json().get("cells").get(0).get("source"))).isEqualTo("print('v1')");

        Answer then = server.get("/quire/api/notebooks/history/report.ipynb?at=" + beforeEdit);
        assertThat(then.status()).as(then.body()).isEqualTo(200);
        assertThat(then.header("Quire-Version")).isEqualTo("0");
        assertThat(TestServer.text(then.json().get("cells").get(0).get("source"))).isEqualTo("print('v0')");

        assertThat(server.get("/quire/api/notebooks/history/report.ipynb?at=2000-01-01T00:00:00Z").status())
                .isEqualTo(404);
        Answer malformed = server.get("/quire/api/notebooks/history/report.ipynb?at=yesterday");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("message").asText()).contains("ISO 8601");
    }

    @Test
    void unknownNotebooksAndBadPathsAreRefused() {
        assertThat(server.get("/quire/api/notebooks/history/none.ipynb/versions").status()).isEqualTo(404);
        assertThat(server.get("/quire/api/notebooks/history/none.ipynb").status()).isEqualTo(404);
        assertThat(server.get("/quire/api/notebooks/..%2Fsecret/versions").status()).isEqualTo(400);
    }
}
