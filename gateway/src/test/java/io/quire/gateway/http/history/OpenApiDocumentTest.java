package io.quire.gateway.http.history;

import io.quire.gateway.http.contents.TestServer;
import io.quire.gateway.http.contents.TestServer.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document is served, parses, and describes every route of Quire's own API, each of which answers. */
class OpenApiDocumentTest {

    /** The routes HistoryRoutes and OpenApiRoutes serve. */
    private static final String[] SERVED = {"/quire/api/notebooks/{path}", "/quire/api/notebooks/{path}/versions",
            "/quire/api/notebooks/{path}/versions/{version}", "/quire/api/openapi.yaml"};

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.shared();
        server.put("/api/contents/openapi/probe.ipynb", HistoryRoutesTest.model("1"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentParsesAndListsEveryRouteServed() {
        Answer answer = server.get("/quire/api/openapi.yaml");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo("application/yaml");

        Map<String, Object> document = new Yaml().load(answer.body());
        assertThat(document.get("openapi").toString()).startsWith("3.");
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        assertThat(paths).containsKeys(SERVED);
        assertThat(paths.keySet()).allMatch(path -> path.startsWith("/quire/api/"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDocumentedGetAnswers() {
        Map<String, Object> paths = (Map<String, Object>) new Yaml().<Map<String, Object>>load(
                server.get("/quire/api/openapi.yaml").body()).get("paths");
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            if (((Map<String, Object>) path.getValue()).containsKey("get")) {
                String url = path.getKey().replace("{path}", "openapi/probe.ipynb").replace("{version}", "0");
                assertThat(server.get(url).status()).as(url).isEqualTo(200);
            }
        }
    }
}
