package io.quire.gateway.http.history;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quire.domain.run.RunFailure;
import io.quire.domain.run.RunSettings;
import io.quire.domain.run.RunSource;
import io.quire.domain.run.RunTrigger;
import io.quire.domain.run.command.EndRun;
import io.quire.domain.run.command.RequestRun;
import io.quire.gateway.http.contents.TestServer;
import io.quire.gateway.http.contents.TestServer.Answer;
import io.quire.domain.schedule.MisfirePolicy;
import io.quire.domain.schedule.ScheduleDefinition;
import io.quire.domain.schedule.VersionPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document is served, parses, and describes every route of Quire's own API, each of which answers. */
class OpenApiDocumentTest {

    /** The routes HistoryRoutes, DeletedNotebookRoutes, RunRoutes and OpenApiRoutes serve. */
    private static final String[] SERVED = {"/quire/api/notebooks/{path}", "/quire/api/deleted-notebooks",
            "/quire/api/deleted-notebooks/{path}/restore", "/quire/api/notebooks/{path}/versions",
            "/quire/api/notebooks/{path}/versions/{version}", "/quire/api/runs", "/quire/api/runs/{runId}",
            "/quire/api/runs/{runId}/events", "/quire/api/runs/{runId}/cancel", "/quire/api/schedules",
            "/quire/api/schedules/{scheduleId}", "/quire/api/schedules/{scheduleId}/pause",
            "/quire/api/schedules/{scheduleId}/resume", "/quire/api/openapi.yaml"};

    private static TestServer server;
    /** A schedule (nothing fires schedules in these tests' server). */
    private static String schedule;
    /** A run that has ended, recorded without a kernel. */
    private static final String RUN = UUID.randomUUID().toString();

    @BeforeAll
    static void start() {
        server = TestServer.shared();
        server.put("/api/contents/openapi/probe.ipynb", HistoryRoutesTest.model("1"));
        server.quire.commands().sendAndWait(new RequestRun(RUN, RunSource.file("/tmp/probe.ipynb", "0".repeat(64)),
                JsonNodeFactory.instance.objectNode(), List.of(), RunSettings.defaults(), RunTrigger.API, null, null,
                "ann"));
        server.quire.commands().sendAndWait(new EndRun(RUN, RunFailure.of(RunFailure.Kind.KERNEL_UNAVAILABLE,
                "no kernel in this test"), null, null));
        String notebookId = server.quire.projections().contents().notebookAt("openapi/probe.ipynb").orElseThrow();
        schedule = server.quire.schedules().create(new ScheduleDefinition(notebookId, "probe", "0 0 6 * * ?",
                java.time.ZoneId.of("UTC"), JsonNodeFactory.instance.objectNode(), null, VersionPolicy.latest(),
                MisfirePolicy.SKIP, 1, 0, java.time.Duration.ofSeconds(1), null, null), "ann").scheduleId();
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
    void everyDocumentedGetAnswers() throws Exception {
        server.quire.awaitProjections(java.time.Duration.ofSeconds(30));
        Map<String, Object> paths = (Map<String, Object>) new Yaml().<Map<String, Object>>load(
                server.get("/quire/api/openapi.yaml").body()).get("paths");
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            // A kernel's clients need a running kernel: KernelRoutes' own tests cover that route.
            if (((Map<String, Object>) path.getValue()).containsKey("get") && !path.getKey().contains("{kernelId}")) {
                String url = path.getKey().replace("{path}", "openapi/probe.ipynb").replace("{version}", "0")
                        .replace("{runId}", RUN).replace("{scheduleId}", schedule);
                assertThat(server.get(url).status()).as(url).isEqualTo(200);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyReferenceNamesAComponentOfTheDocument() {
        Map<String, Object> document = new Yaml().load(server.get("/quire/api/openapi.yaml").body());
        List<String> references = new ArrayList<>();
        collectReferences(document, references);

        assertThat(references).isNotEmpty();
        for (String reference : references) {
            assertThat(reference).startsWith("#/components/");
            Object target = document;
            for (String part : reference.substring(2).split("/")) {
                target = target instanceof Map<?, ?> map ? map.get(part) : null;
            }
            assertThat(target).as(reference).isInstanceOf(Map.class);
        }
    }

    private static void collectReferences(Object node, List<String> references) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    references.add(value.toString());
                } else {
                    collectReferences(value, references);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectReferences(item, references));
        }
    }
}
