package io.quire.gateway.http.sessions;

import io.quire.gateway.http.kernels.KernelTestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/sessions} against real kernels, answered as Jupyter Server answers. */
class SessionRoutesTest {

    @TempDir
    static Path data;
    static KernelTestServer server;

    @BeforeAll
    static void start() {
        server = KernelTestServer.start(data);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static JsonObject notebookSession(String path) {
        return new JsonObject().put("path", path).put("type", "notebook").put("name", path)
                .put("kernel", new JsonObject().put("name", "python3"));
    }

    @Test
    void aSessionLivesFromCreationToDeletionAndItsKernelWithIt() {
        KernelTestServer.Response created = server.post("/api/sessions", notebookSession("life.ipynb").encode());

        assertThat(created.status()).isEqualTo(201);
        JsonObject session = created.json();
        String id = session.getString("id");
        String kernelId = session.getJsonObject("kernel").getString("id");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/sessions/" + id);
        assertThat(session.fieldNames()).containsExactlyInAnyOrder("id", "path", "name", "type", "kernel",
                "notebook");
        assertThat(session.getString("path")).isEqualTo("life.ipynb");
        assertThat(session.getString("type")).isEqualTo("notebook");
        assertThat(session.getJsonObject("notebook")).isEqualTo(new JsonObject().put("path", "life.ipynb")
                .put("name", "life.ipynb"));
        assertThat(session.getJsonObject("kernel").fieldNames()).containsExactlyInAnyOrder("id", "name",
                "last_activity", "execution_state", "connections");
        assertThat(server.get("/api/sessions/" + id).json().getString("id")).isEqualTo(id);
        assertThat(server.get("/api/sessions").array().stream().map(s -> ((JsonObject) s).getString("id")))
                .contains(id);

        assertThat(server.delete("/api/sessions/" + id).status()).isEqualTo(204);

        KernelTestServer.Response gone = server.get("/api/sessions/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().getString("message")).isEqualTo("Session not found: session_id='" + id + "'");
        assertThat(server.get("/api/kernels/" + kernelId).status()).isEqualTo(404);
    }

    @Test
    void asecondClientOpeningThePathGetsTheRunningSession() {
        JsonObject first = server.post("/api/sessions", notebookSession("shared.ipynb").encode()).json();

        KernelTestServer.Response second = server.post("/api/sessions", notebookSession("shared.ipynb").encode());

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().getString("id")).isEqualTo(first.getString("id"));
        assertThat(second.json().getJsonObject("kernel").getString("id"))
                .isEqualTo(first.getJsonObject("kernel").getString("id"));
        server.delete("/api/sessions/" + first.getString("id"));
    }

    @Test
    void aSessionCanJoinARunningKernel() {
        String kernelId = server.startKernel().getString("id");

        JsonObject session = server.post("/api/sessions", new JsonObject().put("path", "console-1").put("type",
                "console").put("kernel", new JsonObject().put("id", kernelId)).encode()).json();

        assertThat(session.getJsonObject("kernel").getString("id")).isEqualTo(kernelId);
        assertThat(session.containsKey("notebook")).isFalse();
        assertThat(session.getValue("name")).isNull();
        server.delete("/api/sessions/" + session.getString("id"));
    }

    @Test
    void patchRenamesAndMovesToANewKernelShuttingTheOldOneDown() {
        JsonObject session = server.post("/api/sessions", notebookSession("before.ipynb").encode()).json();
        String id = session.getString("id");
        String oldKernel = session.getJsonObject("kernel").getString("id");

        JsonObject renamed = server.patch("/api/sessions/" + id, "{\"path\": \"after.ipynb\", \"name\": \"after\"}")
                .json();
        assertThat(renamed.getString("path")).isEqualTo("after.ipynb");
        assertThat(renamed.getString("name")).isEqualTo("after");
        assertThat(renamed.getJsonObject("kernel").getString("id")).isEqualTo(oldKernel);

        KernelTestServer.Response unknownKernel = server.patch("/api/sessions/" + id,
                "{\"kernel\": {\"id\": \"" + UUID.randomUUID() + "\"}}");
        assertThat(unknownKernel.status()).isEqualTo(400);
        assertThat(unknownKernel.json().getString("message")).startsWith("No such kernel: ");

        JsonObject moved = server.patch("/api/sessions/" + id, "{\"kernel\": {\"name\": \"python3\"}}").json();
        assertThat(moved.getJsonObject("kernel").getString("id")).isNotEqualTo(oldKernel);
        assertThat(server.get("/api/kernels/" + oldKernel).status()).isEqualTo(404);
        server.delete("/api/sessions/" + id);
    }

    @Test
    void badRequestsAreRefusedAsJupyterServerRefusesThem() {
        KernelTestServer.Response malformed = server.post("/api/sessions", "{\"path\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().getString("message")).startsWith("the request body is not valid JSON");

        assertThat(server.post("/api/sessions", "").json().getString("message")).isEqualTo("No JSON data provided");
        assertThat(server.post("/api/sessions", "{\"type\": \"notebook\"}").json().getString("message"))
                .isEqualTo("Missing field in JSON data: path");
        assertThat(server.post("/api/sessions", "{\"path\": \"x.ipynb\"}").json().getString("message"))
                .isEqualTo("Missing field in JSON data: type");
        assertThat(server.post("/api/sessions", "{\"path\": 3, \"type\": \"notebook\"}").status()).isEqualTo(400);

        KernelTestServer.Response unknownSpec = server.post("/api/sessions", new JsonObject().put("path", "c.ipynb")
                .put("type", "notebook").put("kernel", new JsonObject().put("name", "cobol")).encode());
        assertThat(unknownSpec.status()).isEqualTo(501);
        assertThat(unknownSpec.json().getString("short_message")).isEqualTo("cobol not found");

        String unknown = UUID.randomUUID().toString();
        assertThat(server.get("/api/sessions/" + unknown).status()).isEqualTo(404);
        assertThat(server.patch("/api/sessions/" + unknown, "{}").status()).isEqualTo(404);
        assertThat(server.delete("/api/sessions/" + unknown).json().getString("message"))
                .isEqualTo("Session not found: session_id='" + unknown + "'");
        assertThat(server.get("/api/sessions").status()).isEqualTo(200);
    }
}
