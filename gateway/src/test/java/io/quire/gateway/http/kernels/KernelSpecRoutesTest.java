package io.quire.gateway.http.kernels;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/kernelspecs} and the kernelspec resources, for Debian's python3 kernelspec. */
class KernelSpecRoutesTest {

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

    @Test
    void listsTheInstalledKernelspecsAsJupyterServerDoes() throws Exception {
        JsonObject all = server.get("/api/kernelspecs").json();

        assertThat(all.getString("default")).isEqualTo("python3");
        JsonObject python = all.getJsonObject("kernelspecs").getJsonObject("python3");
        assertThat(python.fieldNames()).containsExactlyInAnyOrder("name", "spec", "resources");
        assertThat(python.getString("name")).isEqualTo("python3");
        JsonObject spec = python.getJsonObject("spec");
        assertThat(spec.fieldNames()).containsExactlyInAnyOrder("argv", "env", "display_name", "language",
                "interrupt_mode", "metadata");
        JsonObject kernelJson = new JsonObject(Files.readString(KernelPrerequisites.PYTHON3_KERNELSPEC
                .resolve("kernel.json")));
        assertThat(spec.getJsonArray("argv")).isEqualTo(kernelJson.getJsonArray("argv"));
        assertThat(spec.getString("display_name")).isEqualTo(kernelJson.getString("display_name"));
        assertThat(spec.getString("language")).isEqualTo("python");
        assertThat(spec.getString("interrupt_mode")).isEqualTo("signal");
        assertThat(python.getJsonObject("resources").getString("logo-64x64"))
                .isEqualTo("/kernelspecs/python3/logo-64x64.png");
        assertThat(server.get("/api/kernelspecs/python3").json()).isEqualTo(python);
    }

    @Test
    void servesTheLogosOfAKernelspec() throws Exception {
        HttpResponse<byte[]> logo = server.sendForBytes(server.request("/kernelspecs/python3/logo-64x64.png").GET());

        assertThat(logo.statusCode()).isEqualTo(200);
        assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(logo.body()).isEqualTo(Files.readAllBytes(KernelPrerequisites.PYTHON3_KERNELSPEC
                .resolve("logo-64x64.png")));
    }

    @Test
    void refusesPathsOutOfTheKernelspecDirectory() {
        for (String path : new String[] {"/kernelspecs/python3/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
                "/kernelspecs/python3/%2E%2E/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
                "/kernelspecs/python3/%2Fetc%2Fpasswd"}) {
            KernelTestServer.Response refused = server.get(path);

            assertThat(refused.status()).as(path).isIn(403, 404);
            assertThat(refused.body()).as(path).doesNotContain("root:");
        }
        KernelTestServer.Response encoded = server.get("/kernelspecs/python3/..%2F..%2F..%2F..%2Fetc%2Fpasswd");
        assertThat(encoded.status()).isEqualTo(403);
        assertThat(encoded.json().getString("message")).contains("is not in the directory of kernelspec python3");
    }

    @Test
    void unknownKernelspecsAndFilesAreA404() {
        KernelTestServer.Response spec = server.get("/api/kernelspecs/cobol");
        assertThat(spec.status()).isEqualTo(404);
        assertThat(spec.json().getString("message")).isEqualTo("Kernel spec cobol not found");

        assertThat(server.get("/kernelspecs/cobol/logo-64x64.png").status()).isEqualTo(404);
        assertThat(server.get("/kernelspecs/python3/logo-1x1.png").status()).isEqualTo(404);
    }

    @Test
    void resourcesNeedAToken() throws Exception {
        HttpResponse<String> anonymous = java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.uri("/kernelspecs/python3/logo-64x64.png")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(403);
        HttpResponse<byte[]> withToken = java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.uri("/kernelspecs/python3/logo-64x64.png?token="
                        + KernelTestServer.TOKEN)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(withToken.statusCode()).isEqualTo(200);
    }
}
