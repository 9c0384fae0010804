package io.quire.gateway.http.contents;

import io.quire.gateway.http.QuireServer;
import io.quire.gateway.http.contents.TestServer.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Malformed requests get a 4xx JSON error saying what is wrong, and the server goes on serving. */
class BadInputTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.shared();
    }

    @Test
    void malformedBodiesAndWrongTypesAreRefusedWithAMessage() {
        List<Answer> answers = List.of(
                server.put("/api/contents/bad/a.ipynb", "{\"type\": \"notebook\", "),
                server.put("/api/contents/bad/a.ipynb", "[1, 2]"),
                server.put("/api/contents/bad/a.ipynb", "\"just a string\""),
                server.put("/api/contents/bad/a.ipynb", Map.of("type", "notebook", "content", 42)),
                server.put("/api/contents/bad/a.ipynb", Map.of("type", "notebook", "content", "{not json")),
                server.put("/api/contents/bad/a.ipynb", Map.of("type", "notebook", "content", Map.of("cells", 3))),
                server.put("/api/contents/bad/b.txt", Map.of("type", "file", "format", "text", "content", 42)),
                server.put("/api/contents/bad/b.txt", Map.of("type", "file", "format", "hex", "content", "00")),
                server.put("/api/contents/bad/b.txt", Map.of("type", "file", "format", "base64", "content", "a")),
                server.put("/api/contents/bad/b.txt", Map.of("type", "file", "content", "no format")),
                server.put("/api/contents/bad/b.txt", Map.of("copy_from", "x.txt")),
                server.put("/api/contents/bad/c.txt", Map.of("type", "file", "format", "text", "content", "x",
                        "chunk", "first")),
                server.patch("/api/contents/bad/none.txt", null),
                server.post("/api/contents/bad", "{]"),
                server.get("/api/contents/bad?format=hex"),
                server.get("/api/contents/bad?content=2"),
                server.get("/api/contents/bad?hash=yes"));
        for (Answer answer : answers) {
            assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
            assertThat(answer.header("Content-Type")).startsWith("application/json");
            assertThat(answer.json().get("message").asText()).isNotBlank();
        }
        assertThat(server.get("/api/contents/bad?hash=yes").json().get("message").asText())
                .isEqualTo("Hash argument 'yes' is invalid. It must be '0' or '1'.");
        assertThat(server.get("/api/contents/bad/a.ipynb").status()).isEqualTo(404);
        assertThat(server.get("/api/contents").status()).isEqualTo(200);
    }

    @Test
    void unknownPathsAreNotFound() {
        Answer answer = server.get("/api/contents/no/such/thing.ipynb");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("message").asText()).isEqualTo("file or directory 'no/such/thing.ipynb' does not exist");
        assertThat(server.get("/api/contents/no/such/thing.ipynb/checkpoints").json()).isEmpty();
        assertThat(server.post("/api/contents/no/such/thing.ipynb/checkpoints", null).status()).isEqualTo(404);
    }

    @Test
    void anOversizedBodyIsRefusedWith413AndTheServerKeepsServing() {
        try (QuireServer small = server.withBodyLimit(4096)) {
            Answer answer = server.send(small.port(), "PUT", "/api/contents/bad/huge.txt",
                    Ipynb.file("x".repeat(10_000), "text"));
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.json().get("message").asText()).contains("too large");
            assertThat(server.send(small.port(), "PUT", "/api/contents/bad/small.txt", Ipynb.file("x", "text"))
                    .status()).isEqualTo(201);
        }
        assertThat(server.get("/api/contents/bad/small.txt").status()).isEqualTo(200);
    }

    @Test
    void requestsWithoutATokenAreForbidden() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + server.server.port() + "/api/contents")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
    }
}
