package io.quire.gateway.http.contents;

import io.quire.gateway.http.contents.TestServer.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** No request reaches outside the contents tree, however its path is written. */
class PathSafetyTest {

    private static final String SECRET = "outside the tree";
    private static TestServer server;
    private static Path secret;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.shared();
        secret = server.data.resolve("secret.txt");
        Files.writeString(secret, SECRET);
        server.put("/api/contents/safe/inside.txt", Ipynb.file("inside", "text"));
    }

    @Test
    void traversalInTheUrlIsRefusedWithAJsonError() {
        for (String path : List.of("/api/contents/../secret.txt", "/api/contents/safe/../../secret.txt",
                "/api/contents/%2e%2e/secret.txt", "/api/contents/%2E%2E%2Fsecret.txt",
                "/api/contents/safe%2F..%2F..%2Fsecret.txt", "/api/contents/..%5Csecret.txt",
                "/api/contents/%5C..%5Csecret.txt", "/api/contents/safe/%00.txt", "/api/contents/C:%5Csecret.txt",
                "/api/contents/safe/./inside.txt%2F.")) {
            for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "POST")) {
                Answer answer = server.send(method, path, method.equals("GET") || method.equals("DELETE") ? null
                        : Ipynb.file("overwritten", "text"));
                assertThat(answer.status()).as(method + " " + path + ": " + answer.body()).isIn(400, 404);
                assertThat(answer.json().get("message").asText()).as(method + " " + path).isNotBlank();
            }
        }
        assertThat(secret).hasContent(SECRET);
        assertThat(server.get("/api/contents/safe/inside.txt").json().get("content").asText()).isEqualTo("inside");
    }

    @Test
    void traversalInBodiesIsRefused() throws Exception {
        List<Answer> answers = List.of(
                server.post("/api/contents/safe", Map.of("copy_from", "../secret.txt")),
                server.post("/api/contents/safe", Map.of("copy_from", "safe/..\\..\\secret.txt")),
                server.patch("/api/contents/safe/inside.txt", Map.of("path", "../stolen.txt")),
                server.patch("/api/contents/safe/inside.txt", Map.of("path", "safe/\u0000.txt")),
                server.patch("/api/contents/safe/inside.txt", Map.of("path", "C:\\stolen.txt")));
        for (Answer answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        }
        assertThat(server.data.resolve("stolen.txt")).doesNotExist();
        assertThat(server.get("/api/contents/safe/inside.txt").status()).isEqualTo(200);
    }

    @Test
    void aSymbolicLinkOutOfTheTreeIsNotFollowed() throws Exception {
        Path link = server.data.resolve("files/safe/link.txt");
        Files.createSymbolicLink(link, secret);
        Path folder = server.data.resolve("files/safe/linked");
        Files.createSymbolicLink(folder, server.data);

        assertThat(server.get("/api/contents/safe/link.txt").status()).isEqualTo(404);
        assertThat(server.get("/api/contents/safe/linked/secret.txt").status()).isEqualTo(404);
        assertThat(server.put("/api/contents/safe/linked/secret.txt", Ipynb.file("x", "text")).status()).isIn(400, 404);
        assertThat(secret).hasContent(SECRET);
    }

    @Test
    void hiddenPathsAreNeitherServedNorWritten() {
        assertThat(server.put("/api/contents/safe/.env", Ipynb.file("KEY=1", "text")).status()).isEqualTo(400);
        assertThat(server.get("/api/contents/.quire").status()).isEqualTo(404);
    }
}
