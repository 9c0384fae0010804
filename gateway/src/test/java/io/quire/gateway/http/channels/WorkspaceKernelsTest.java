package io.quire.gateway.http.channels;

import io.quire.gateway.http.kernels.KernelTestServer;
import io.quire.gateway.users.Workspaces;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A user limited to workspaces neither sees nor uses the kernels of notebooks outside them. */
class WorkspaceKernelsTest {

    @TempDir
    static Path data;
    static KernelTestServer server;
    static String bea;

    @BeforeAll
    static void start() {
        server = KernelTestServer.start(data);
        bea = server.quire().users().add("bea", Workspaces.of(List.of("team-b")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theKernelOfANotebookOutsideTheWorkspacesIsNotTheirs() throws Exception {
        KernelTestServer.Response owners = server.post("/api/sessions", session("/team-a/plan.ipynb"));
        assertThat(owners.status()).as(owners.body()).isEqualTo(201);
        assertThat(owners.json().getString("path")).isEqualTo("/team-a/plan.ipynb"); // as the client wrote it
        String kernelId = owners.json().getJsonObject("kernel").getString("id");
        String sessionId = owners.json().getString("id");

        KernelTestServer.Response beas = asBea("POST", "/api/sessions", session("team-b/mine.ipynb"));
        assertThat(beas.status()).as(beas.body()).isEqualTo(201);
        String beasKernel = beas.json().getJsonObject("kernel").getString("id");

        assertThat(ids(asBea("GET", "/api/sessions", null).array())).containsExactly(beas.json().getString("id"));
        assertThat(ids(asBea("GET", "/api/kernels", null).array())).containsExactly(beasKernel);
        for (String[] request : List.of(new String[]{"GET", "/api/kernels/" + kernelId},
                new String[]{"POST", "/api/kernels/" + kernelId + "/interrupt"},
                new String[]{"DELETE", "/api/kernels/" + kernelId},
                new String[]{"GET", "/api/sessions/" + sessionId},
                new String[]{"DELETE", "/api/sessions/" + sessionId},
                new String[]{"GET", "/quire/api/kernels/" + kernelId + "/clients"})) {
            KernelTestServer.Response refused = asBea(request[0], request[1], null);
            assertThat(refused.status()).as(request[0] + " " + request[1] + ": " + refused.body()).isEqualTo(403);
            assertThat(refused.json().getString("message")).contains("team-b");
        }
        assertThatThrownBy(() -> KernelSocket.open(server, kernelId, true, "bea-session", bea))
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        failure -> assertThat(failure.getResponse().statusCode()).isEqualTo(403));
        try (KernelSocket own = KernelSocket.open(server, beasKernel, true, "bea-session", bea)) {
            assertThat(own.execute("6*7", null).first("execute_result").getJsonObject("content")
                    .getJsonObject("data").getString("text/plain")).isEqualTo("42");
        }
        assertThat(server.get("/api/kernels/" + kernelId).status()).isEqualTo(200);
    }

    private static String session(String path) {
        return new JsonObject().put("path", path).put("type", "notebook")
                .put("kernel", new JsonObject().put("name", "python3")).encode();
    }

    private static KernelTestServer.Response asBea(String method, String path, String body) {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "token " + bea)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    private static List<String> ids(JsonArray models) {
        return models.stream().map(model -> ((JsonObject) model).getString("id")).toList();
    }
}
