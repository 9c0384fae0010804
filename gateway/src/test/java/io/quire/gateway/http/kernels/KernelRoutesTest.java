package io.quire.gateway.http.kernels;

import io.quire.gateway.http.channels.KernelSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static io.quire.gateway.http.channels.KernelSocket.isStatus;
import static io.quire.gateway.http.channels.KernelSocket.parent;
import static io.quire.gateway.http.channels.KernelSocket.type;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/kernels} against real ipykernels, answered as Jupyter Server answers. */
class KernelRoutesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path data;
    static KernelTestServer server;

    @BeforeAll
    static void start() {
        SecretScan.capture();
        server = KernelTestServer.start(data);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aStartedKernelIsListedWithItsModelAndGoneOnceDeleted() {
        KernelTestServer.Response started = server.post("/api/kernels", ""); // no body: the default kernel

        assertThat(started.status()).isEqualTo(201);
        JsonObject model = started.json();
        String id = model.getString("id");
        assertThat(started.headers().firstValue("Location")).hasValue("/api/kernels/" + id);
        assertThat(model.fieldNames()).containsExactlyInAnyOrder("id", "name", "last_activity", "execution_state",
                "connections");
        assertThat(model.getString("name")).isEqualTo("python3");
        assertThat(model.getString("last_activity")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?Z");
        assertThat(model.getInteger("connections")).isZero();

        JsonArray listed = server.get("/api/kernels").array();
        assertThat(listed.stream().map(kernel -> ((JsonObject) kernel).getString("id"))).contains(id);
        assertThat(server.get("/api/kernels/" + id).json().getString("id")).isEqualTo(id);

        assertThat(server.delete("/api/kernels/" + id).status()).isEqualTo(204);
        KernelTestServer.Response gone = server.get("/api/kernels/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().getString("message")).isEqualTo("Kernel does not exist: " + id);
    }

    @Test
    void interruptStopsTheRunningCell() throws Exception {
        String id = server.startKernel().getString("id");
        try (KernelSocket socket = KernelSocket.open(server, id, true)) {
            String msgId = socket.executeRequest("import time\ntime.sleep(60)", null).getJsonObject("header")
                    .getString("msg_id");
            socket.await(message -> "execute_input".equals(type(message)) && msgId.equals(parent(message)), WAIT);
            assertThat(server.get("/api/kernels/" + id).json().getString("execution_state")).isEqualTo("busy");

            assertThat(server.post("/api/kernels/" + id + "/interrupt", "").status()).isEqualTo(204);

            JsonObject reply = socket.await(message -> "execute_reply".equals(type(message))
                    && msgId.equals(parent(message)), WAIT);
            assertThat(reply.getJsonObject("content").getString("ename")).isEqualTo("KeyboardInterrupt");
        } finally {
            server.delete("/api/kernels/" + id);
        }
    }

    @Test
    void aRestartKeepsTheIdGivesANewProcessAndTellsConnectedClients() throws Exception {
        String id = server.startKernel().getString("id");
        try (KernelSocket socket = KernelSocket.open(server, id, false)) {
            String before = pid(socket);

            KernelTestServer.Response restarted = server.post("/api/kernels/" + id + "/restart", "");

            assertThat(restarted.status()).as(restarted.body()).isEqualTo(200);
            assertThat(restarted.json().getString("id")).isEqualTo(id);
            socket.await(message -> isStatus(message, "starting"), WAIT);
            socket.await(message -> isStatus(message, "idle"), WAIT);
            // as Jupyter Server: 'restarting' only for a kernel that died (clients take it for a crash)
            assertThat(socket.all()).noneMatch(message -> isStatus(message, "restarting"));
            assertThat(pid(socket)).isNotEqualTo(before);
            assertThat(server.get("/api/kernels/" + id).json().getInteger("connections")).isEqualTo(1);
            JsonObject status = server.get("/api/status").json();
            assertThat(status.getInteger("kernels")).isEqualTo(server.get("/api/kernels").array().size())
                    .isPositive();
            assertThat(status.getInteger("connections")).isEqualTo(1);
        } finally {
            server.delete("/api/kernels/" + id);
        }
    }

    @Test
    void aKernelThatDiesIsRestartedAndClientsAreTold() throws Exception {
        String id = server.startKernel().getString("id");
        try (KernelSocket socket = KernelSocket.open(server, id, true)) {
            String before = pid(socket);

            socket.executeRequest("import os\nos._exit(1)", null);

            socket.await(message -> isStatus(message, "restarting"), WAIT);
            socket.await(message -> isStatus(message, "starting"), WAIT);
            assertThat(pid(socket)).isNotEqualTo(before);
        } finally {
            server.delete("/api/kernels/" + id);
        }
    }

    @Test
    void deletingAKernelTellsItsClientsItIsDeadAndDisconnectsThem() throws Exception {
        String id = server.startKernel().getString("id");
        try (KernelSocket socket = KernelSocket.open(server, id, true)) {
            socket.execute("1", null);

            assertThat(server.delete("/api/kernels/" + id).status()).isEqualTo(204);

            socket.await(message -> isStatus(message, "dead"), WAIT);
            assertThat(socket.awaitClose(WAIT)).isEqualTo(1000);
        }
    }

    @Test
    void onlyKernelVariablesOfTheRequestedEnvironmentReachTheKernel() throws Exception {
        String secret = "s3cr3t-" + UUID.randomUUID();
        JsonObject env = new JsonObject().put("QUIRE_TEST_SECRET", secret).put("AWS_SECRET_ACCESS_KEY", secret)
                .put("KERNEL_QUIRE_FLAVOUR", "mint").put("JPY_SESSION_NAME", "work/env.ipynb");
        KernelTestServer.Response started = server.post("/api/kernels", new JsonObject().put("name", "python3")
                .put("env", env).encode());
        assertThat(started.status()).isEqualTo(201);
        String id = started.json().getString("id");
        try (KernelSocket socket = KernelSocket.open(server, id, true)) {
            KernelSocket.Execution run = socket.execute("import os\nprint(os.environ.get('QUIRE_TEST_SECRET'),"
                    + " os.environ.get('AWS_SECRET_ACCESS_KEY'), os.environ.get('KERNEL_QUIRE_FLAVOUR'),"
                    + " os.environ.get('JPY_SESSION_NAME'))", null);

            assertThat(run.first("stream").getJsonObject("content").getString("text"))
                    .isEqualTo("None None mint work/env.ipynb\n");
        } finally {
            server.delete("/api/kernels/" + id);
        }
        assertThat(SecretScan.filesContaining(server.data(), secret)).isEmpty();
        assertThat(SecretScan.logged()).doesNotContain(secret);
    }

    @Test
    void unknownKernelsAreA404WithAJsonMessage() {
        String unknown = UUID.randomUUID().toString();
        for (KernelTestServer.Response response : new KernelTestServer.Response[] {
                server.get("/api/kernels/" + unknown), server.delete("/api/kernels/" + unknown),
                server.post("/api/kernels/" + unknown + "/interrupt", ""),
                server.post("/api/kernels/" + unknown + "/restart", "")}) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().getString("message")).isEqualTo("Kernel does not exist: " + unknown);
        }
    }

    @Test
    void badRequestsAreRefusedWithAMessageAndTheServerServesOn() {
        KernelTestServer.Response malformed = server.post("/api/kernels", "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().getString("message")).startsWith("the request body is not valid JSON");

        KernelTestServer.Response notAnObject = server.post("/api/kernels", "[1, 2]");
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.json().getString("message")).isEqualTo("the request body must be a JSON object");

        KernelTestServer.Response badEnv = server.post("/api/kernels", "{\"env\": [\"KERNEL_X=1\"]}");
        assertThat(badEnv.status()).isEqualTo(400);
        assertThat(badEnv.json().getString("message")).isEqualTo("'env' must be a JSON object");

        KernelTestServer.Response badValue = server.post("/api/kernels",
                "{\"env\": {\"KERNEL_X\": 1, \"OTHER\": {\"nested\": true}}}");
        assertThat(badValue.status()).isEqualTo(400);
        assertThat(badValue.json().getString("message")).isEqualTo("env.KERNEL_X must be a string");

        KernelTestServer.Response unknownSpec = server.post("/api/kernels", "{\"name\": \"cobol\"}");
        assertThat(unknownSpec.status()).isEqualTo(404);
        assertThat(unknownSpec.json().getString("message")).contains("no kernelspec named 'cobol'");

        assertThat(server.get("/api/kernels").status()).isEqualTo(200);
    }

    private static String pid(KernelSocket socket) throws InterruptedException {
        return socket.execute("import os\nprint(os.getpid())", null).first("stream").getJsonObject("content")
                .getString("text");
    }
}
