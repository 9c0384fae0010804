package io.quire.gateway.http.contents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.gateway.Quire;
import io.quire.gateway.http.HttpException;
import io.quire.gateway.http.Routes;
import io.quire.gateway.http.auth.TokenAuth;
import io.quire.gateway.http.auth.WorkspaceGuard;
import io.quire.gateway.users.Workspaces;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Jupyter Server's contents API, {@code /api/contents/{path}}: GET (with {@code type}, {@code format},
 * {@code content} and {@code hash}), PUT (save or upload), POST (new untitled entry, or {@code copy_from}), PATCH
 * (rename) and DELETE, plus its checkpoints ({@link CheckpointRoutes}). Requests and answers are Jupyter's, byte
 * for byte where a client could tell; what Quire does behind them is {@link ContentsManager}'s.
 *
 * <p>A user limited to workspaces ({@link WorkspaceGuard}) reads, writes, copies, renames and deletes only in them;
 * listing a folder on the way to a workspace shows only what leads to or lies in one ({@link WorkspaceListing}).
 *
 * <p>Handlers run on the event loop: they read the request there and hand the work to a worker thread.
 */
public final class ContentsRoutes implements Routes {

    static final String PREFIX = "/api/contents";
    private static final String CONTENTS = "/api/contents(/.*)?";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Vertx vertx;
    private final ContentsManager contents;

    public ContentsRoutes(Vertx vertx, Quire quire) {
        this.vertx = vertx;
        this.contents = new ContentsManager(quire);
    }

    @Override
    public void mount(Router router) {
        new CheckpointRoutes(vertx, contents.checkpoints()).mount(router);
        router.getWithRegex(CONTENTS).handler(this::get);
        router.putWithRegex(CONTENTS).handler(this::put);
        router.postWithRegex(CONTENTS).handler(this::post);
        router.patchWithRegex(CONTENTS).handler(this::patch);
        router.deleteWithRegex(CONTENTS).handler(this::delete);
    }

    private void get(RoutingContext context) {
        String path = ApiPath.fromRequest(context.normalizedPath(), PREFIX);
        ContentsTree.Request request = request(context);
        WorkspaceGuard.requireVisible(context, path);
        Workspaces workspaces = TokenAuth.workspaces(context);
        String user = TokenAuth.user(context);
        blocking(context, () -> WorkspaceListing.filter(contents.get(path, request), user, workspaces),
                model -> send(context, 200, model, false));
    }

    private void put(RoutingContext context) {
        String path = ApiPath.fromRequest(context.normalizedPath(), PREFIX);
        JsonNode body = body(context);
        String user = TokenAuth.user(context);
        WorkspaceGuard.require(context, path);
        blocking(context, () -> contents.put(path, body, user),
                saved -> send(context, saved.created() ? 201 : 200, saved.model(), true));
    }

    private void post(RoutingContext context) {
        String path = ApiPath.fromRequest(context.normalizedPath(), PREFIX);
        JsonNode body = body(context);
        String user = TokenAuth.user(context);
        WorkspaceGuard.require(context, path);
        String from = ContentsManager.copyFrom(body);
        if (from != null) {
            WorkspaceGuard.require(context, from);
        }
        blocking(context, () -> contents.post(path, body, user), model -> send(context, 201, model, true));
    }

    private void patch(RoutingContext context) {
        String path = ApiPath.fromRequest(context.normalizedPath(), PREFIX);
        JsonNode body = body(context);
        String user = TokenAuth.user(context);
        WorkspaceGuard.require(context, path);
        WorkspaceGuard.require(context, ContentsManager.newPath(path, body));
        blocking(context, () -> contents.patch(path, body, user), model -> send(context, 200, model, true));
    }

    private void delete(RoutingContext context) {
        String path = ApiPath.fromRequest(context.normalizedPath(), PREFIX);
        String user = TokenAuth.user(context);
        WorkspaceGuard.require(context, path);
        blocking(context, () -> {
            contents.delete(path, user);
            return path;
        }, deleted -> context.response().setStatusCode(204).end());
    }

    /** Jupyter Server 2's checks of the GET parameters, with its messages. */
    private static ContentsTree.Request request(RoutingContext context) {
        String type = query(context, "type", null);
        if (type != null && !Set.of("directory", "file", "notebook").contains(type)) {
            type = "file"; // Jupyter Server 2: an unknown type falls back to file
        }
        String format = query(context, "format", null);
        if (format != null && !Set.of("text", "base64").contains(format)) {
            throw HttpException.badRequest("Format '" + format + "' is invalid");
        }
        String content = query(context, "content", "1");
        if (!Set.of("0", "1").contains(content)) {
            throw HttpException.badRequest("Content '" + content + "' is invalid");
        }
        String hash = query(context, "hash", "0");
        if (!Set.of("0", "1").contains(hash)) {
            throw HttpException.badRequest("Hash argument '" + hash + "' is invalid. It must be '0' or '1'.");
        }
        return new ContentsTree.Request(type, format, content.equals("1"), hash.equals("1"));
    }

    /** Like Tornado's {@code get_query_argument}: the last value given. */
    private static String query(RoutingContext context, String name, String fallback) {
        List<String> values = context.queryParam(name);
        return values.isEmpty() ? fallback : values.get(values.size() - 1);
    }

    static JsonNode body(RoutingContext context) {
        Buffer body = context.body().buffer();
        return ContentsModels.parseBody(body == null ? null : body.getBytes());
    }

    private static void send(RoutingContext context, int status, ObjectNode model, boolean location) {
        var response = context.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Last-Modified", HTTP_DATE.format(ContentsModels.parseTime(model.get("last_modified").asText())));
        if (location) {
            response.putHeader("Location", PREFIX + "/" + ApiPath.escape(model.get("path").asText()));
        }
        response.end(Buffer.buffer(ContentsModels.write(model)));
    }

    /** Runs {@code work} on a worker thread (unordered: requests do not wait for each other), then answers. */
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
