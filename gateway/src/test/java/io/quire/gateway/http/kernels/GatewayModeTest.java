package io.quire.gateway.http.kernels;

import io.quire.gateway.http.channels.KernelSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Quire as the Kernel Gateway of Debian's jupyter-server ({@code --gateway-url}): jupyter-server lists Quire's
 * kernelspecs, starts, restarts and stops kernels on Quire and relays the channels WebSocket (legacy protocol) to
 * it. jupyter-server sends (part of) its environment with every kernel start, here a secret too: it must neither
 * reach the kernel nor be stored or logged by Quire.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class GatewayModeTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String JUPYTER_TOKEN = "jt0k-" + UUID.randomUUID();

    @TempDir
    Path temp;

    private final String secret = "s3cr3t-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private KernelTestServer quire;
    private Process jupyter;
    private Path jupyterLog;
    private int jupyterPort;

    @BeforeEach
    void start() throws Exception {
        KernelPrerequisites.requireJupyterServer();
        SecretScan.capture();
        Path data = Files.createDirectories(temp.resolve("data"));
        Path home = Files.createDirectories(temp.resolve("home"));
        quire = KernelTestServer.start(data);

        // The port is found free and bound later by jupyter-server: another test's process may take it meanwhile, and
        // jupyter-server (port_retries=0) then exits saying so. Try another port then.
        for (int attempt = 1; !startJupyterServer(home); attempt++) {
            if (attempt == 3) {
                fail("jupyter-server found its port taken three times" + log());
            }
        }
    }

    /** Starts jupyter-server on a free port, in gateway mode on Quire; false when the port was taken meanwhile. */
    private boolean startJupyterServer(Path home) throws Exception {
        jupyterPort = freePort();
        jupyterLog = temp.resolve("jupyter-server.log");
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/python3", "-m", "jupyter_server", "--allow-root",
                "--no-browser", "--port", String.valueOf(jupyterPort), "--ServerApp.port_retries=0",
                "--ServerApp.ip=127.0.0.1", "--ServerApp.token=" + JUPYTER_TOKEN,
                "--gateway-url=" + quire.uri("").toString(),
                "--GatewayClient.auth_token=" + KernelTestServer.TOKEN,
                // jupyter-server 1.23 itself sends only KERNEL_* and these names of its environment: let it send
                // the secret, so that Quire's own filtering is what keeps it from the kernel
                "--GatewayClient.env_whitelist=QUIRE_TEST_SECRET")
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(jupyterLog.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUIRE_TEST_SECRET", secret);
        env.put("HOME", home.toString());
        env.put("JUPYTER_CONFIG_DIR", home.resolve(".jupyter").toString());
        env.put("JUPYTER_DATA_DIR", home.resolve("jupyter-data").toString());
        env.put("JUPYTER_RUNTIME_DIR", home.resolve("jupyter-runtime").toString());
        jupyter = builder.start();
        return awaitJupyterServer();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (jupyter != null) {
                List<ProcessHandle> descendants = jupyter.descendants().toList();
                jupyter.destroy();
                if (!jupyter.waitFor(5, TimeUnit.SECONDS)) {
                    jupyter.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
                descendants.forEach(ProcessHandle::destroyForcibly);
                assertThat(jupyter.isAlive()).as("jupyter-server still running").isFalse();
                assertThat(descendants).as("processes of jupyter-server left running")
                        .noneMatch(ProcessHandle::isAlive);
            }
        } finally {
            if (quire != null) {
                quire.close(); // checks that no kernel process is left
            }
        }
    }

    @Test
    void jupyterServerInGatewayModeRunsKernelsOnQuireWithoutPassingItsEnvironment() throws Exception {
        JsonObject specs = new JsonObject(jupyterGet("/api/kernelspecs").body());
        assertThat(specs.getJsonObject("kernelspecs").fieldNames()).as(specs.encode()).contains("python3");

        HttpResponse<String> started = jupyterSend("/api/kernels", "POST", "{\"name\": \"python3\"}");
        assertThat(started.statusCode()).as(started.body() + log()).isEqualTo(201);
        String id = new JsonObject(started.body()).getString("id");
        // jupyter-server keeps Quire's kernel id: the kernel runs on Quire
        assertThat(quire.get("/api/kernels/" + id).status()).isEqualTo(200);
        assertThat(quire.kernelProcesses()).hasSize(1);

        String session = UUID.randomUUID().toString();
        URI channels = URI.create("ws://127.0.0.1:" + jupyterPort + "/api/kernels/" + id + "/channels?session_id="
                + session + "&token=" + JUPYTER_TOKEN);
        try (KernelSocket socket = KernelSocket.open(channels, false, session)) {
            socket.awaitKernelInfo(WAIT);
            KernelSocket.Execution environment = socket.execute(
                    "import os; print(os.environ.get(\"QUIRE_TEST_SECRET\"))", null);
            assertThat(environment.first("stream").getJsonObject("content").getString("text")).isEqualTo("None\n");

            assertResultIsTwo(socket.execute("1+1", null));

            HttpResponse<String> restarted = jupyterSend("/api/kernels/" + id + "/restart", "POST", "");
            assertThat(restarted.statusCode()).as(restarted.body() + log()).isEqualTo(200);
            assertThat(new JsonObject(restarted.body()).getString("id")).isEqualTo(id);
            assertResultIsTwo(socket.execute("1+1", null));
        }

        HttpResponse<String> deleted = jupyterSend("/api/kernels/" + id, "DELETE", null);
        assertThat(deleted.statusCode()).as(deleted.body() + log()).isEqualTo(204);
        assertThat(new JsonArray(jupyterGet("/api/kernels").body())).isEmpty();
        assertThat(quire.get("/api/kernels/" + id).status()).isEqualTo(404);
        Instant deadline = Instant.now().plusSeconds(10);
        while (!quire.kernelProcesses().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(quire.kernelProcesses()).as("kernel processes after DELETE").isEmpty();

        assertThat(SecretScan.filesContaining(quire.data(), secret)).isEmpty();
        assertThat(SecretScan.logged()).doesNotContain(secret);
    }

    private static void assertResultIsTwo(KernelSocket.Execution run) {
        assertThat(run.reply().getJsonObject("content").getString("status")).isEqualTo("ok");
        assertThat(run.first("execute_result").getJsonObject("content").getJsonObject("data")
                .getString("text/plain")).isEqualTo("2");
    }

    /** @return false when jupyter-server exited because its port was taken meanwhile: start it on another */
    private boolean awaitJupyterServer() throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            if (!jupyter.isAlive()) {
                if (log().contains("already in use")) {
                    return false;
                }
                fail("jupyter-server exited with " + jupyter.exitValue() + log());
            }
            try {
                if (jupyterGet("/api").statusCode() == 200) {
                    return true;
                }
            } catch (ConnectException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        fail("jupyter-server did not answer GET /api within 20 s" + log());
        return false;
    }

    private HttpResponse<String> jupyterGet(String path) throws IOException, InterruptedException {
        return jupyterSend(path, "GET", null);
    }

    private HttpResponse<String> jupyterSend(String path, String method, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + jupyterPort + path
                        + (path.contains("?") ? "&" : "?") + "token=" + JUPYTER_TOKEN)).timeout(WAIT)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** jupyter-server's output, for failure messages. */
    private String log() {
        try {
            return "\n--- jupyter-server's output ---\n" + Files.readString(jupyterLog, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "\n(no output of jupyter-server: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
