package io.quire.gateway.http.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quire.gateway.Quire;
import io.quire.gateway.http.HttpException;
import io.quire.gateway.http.Routes;
import io.quire.gateway.http.auth.WorkspaceGuard;
import io.quire.gateway.http.contents.ApiPath;
import io.quire.gateway.notebook.Notebooks;
import io.quire.projections.notebook.LiveNotebook;
import io.quire.projections.versions.Version;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quire's own history API (documented in {@code openapi.yaml}):
 * <ul>
 *   <li>{@code GET /quire/api/notebooks/{path}/versions}: every version, oldest first:
 *       {@code [{version, at, user, summary, name}]};</li>
 *   <li>{@code GET /quire/api/notebooks/{path}/versions/{n}}: the notebook at version n (nbformat 4.5);</li>
 *   <li>{@code GET /quire/api/notebooks/{path}}: the notebook now, or with {@code ?at=ISO-INSTANT} as it was
 *       then.</li>
 * </ul>
 * Notebook answers carry their version number in {@code Quire-Version}. A path ending in {@code /versions} or
 * {@code /versions/N} means these sub-resources, as {@code /checkpoints} does in Jupyter's contents API.
 *
 * <p>Handlers run on the event loop and hand the reads to a worker thread.
 */
public final class HistoryRoutes implements Routes {

    /** The media type of an .ipynb document. */
    static final String IPYNB = "application/x-ipynb+json";

    private static final Pattern VERSIONS = Pattern.compile("/quire/api/notebooks/(.+)/versions");
    private static final Pattern VERSION = Pattern.compile("/quire/api/notebooks/(.+)/versions/(\\d{1,18})");
    private static final Pattern NOTEBOOK = Pattern.compile("/quire/api/notebooks/(.+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final Notebooks notebooks;

    public HistoryRoutes(Vertx vertx, Quire quire) {
        this.vertx = vertx;
        this.notebooks = new Notebooks(quire);
    }

    @Override
    public void mount(Router router) {
        router.getWithRegex(VERSIONS.pattern()).handler(this::versions);
        router.getWithRegex(VERSION.pattern()).handler(this::version);
        router.getWithRegex(NOTEBOOK.pattern()).handler(this::notebook);
    }

    private void versions(RoutingContext context) {
        String path = path(VERSIONS, context);
        blocking(context, () -> notebooks.history(path), versions -> context.response()
                .putHeader("Content-Type", "application/json").end(Buffer.buffer(json(versions))));
    }

    private void version(RoutingContext context) {
        String path = path(VERSION, context);
        long version = Long.parseLong(group(VERSION, context, 2));
        blocking(context, () -> notebooks.exportVersion(path, version), ipynb -> ipynb(context, version, ipynb));
    }

    private void notebook(RoutingContext context) {
        String path = path(NOTEBOOK, context);
        Instant at = instant(context.queryParams().get("at"));
        blocking(context, () -> snapshot(path, at), snapshot -> ipynb(context, snapshot.version(), snapshot.ipynb()));
    }

    /** A notebook as it was at one version. */
    private record Snapshot(long version, byte[] ipynb) {
    }

    private Snapshot snapshot(String path, Instant at) {
        if (at == null) {
            LiveNotebook live = notebooks.find(path).orElseThrow(() -> HttpException.notFound("no notebook at " + path));
            return new Snapshot(live.version(), live.content());
        }
        long version = notebooks.versionAt(path, at);
        return new Snapshot(version, notebooks.exportVersion(path, version));
    }

    private static void ipynb(RoutingContext context, long version, byte[] ipynb) {
        context.response().putHeader("Content-Type", IPYNB).putHeader("Quire-Version", String.valueOf(version))
                .end(Buffer.buffer(ipynb));
    }

    private static byte[] json(List<Version> versions) {
        ArrayNode list = JSON.createArrayNode();
        for (Version version : versions) {
            list.addObject().put("version", version.version()).put("at", version.at().toString())
                    .put("user", version.user()).put("summary", version.summary()).put("name", version.name());
        }
        return list.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** An ISO 8601 instant ({@code 2024-05-01T12:00:00Z}) or date-time with an offset; null when absent. */
    private static Instant instant(String at) {
        if (at == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException e) {
            throw HttpException.badRequest("'" + at + "' is not an ISO 8601 instant: write it as"
                    + " 2024-05-01T12:00:00Z or 2024-05-01T14:00:00+02:00");
        }
    }

    private static String path(Pattern pattern, RoutingContext context) {
        String path = ApiPath.fromEncoded(group(pattern, context, 1));
        if (path.isEmpty()) {
            throw HttpException.notFound("name a notebook: /quire/api/notebooks/{path}");
        }
        WorkspaceGuard.require(context, path);
        return path;
    }

    private static String group(Pattern pattern, RoutingContext context, int group) {
        Matcher matcher = pattern.matcher(context.normalizedPath());
        if (!matcher.matches()) {
            throw HttpException.notFound("no such endpoint: " + context.normalizedPath());
        }
        return matcher.group(group);
    }

    private <T> void blocking(RoutingContext context, Callable<T> work, Consumer<T> answer) {
        vertx.executeBlocking(work, false).onComplete(result -> {
            if (result.succeeded()) {
                answer.accept(result.result());
            } else {
                context.fail(result.cause());
            }
        });
    }
}
