package io.quire.gateway.http.contents;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.gateway.http.HttpErrors;
import io.quire.gateway.http.HttpException;
import io.quire.gateway.http.Routes;
import io.quire.gateway.http.auth.TokenAuth;
import io.quire.gateway.http.auth.WorkspaceGuard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checkpoints of the contents API, as Jupyter Server routes them (before the contents routes, so a path ending
 * in {@code /checkpoints} means these): {@code GET} and {@code POST /api/contents/{path}/checkpoints} list and
 * create, {@code POST} and {@code DELETE /api/contents/{path}/checkpoints/{id}} restore and delete. Other methods
 * there are answered 405. A user limited to workspaces has checkpoints only of what is in them. What a checkpoint is: {@link Checkpoints}.
 */
final class CheckpointRoutes implements Routes {

    private static final Pattern LIST = Pattern.compile("/api/contents((?:/[^/]+)*)/checkpoints");
    private static final Pattern ONE = Pattern.compile("/api/contents((?:/[^/]+)*)/checkpoints/([\\w-]+)");

    private final Vertx vertx;
    private final Checkpoints checkpoints;

    CheckpointRoutes(Vertx vertx, Checkpoints checkpoints) {
        this.vertx = vertx;
        this.checkpoints = checkpoints;
    }

    @Override
    public void mount(Router router) {
        router.getWithRegex(LIST.pattern()).handler(this::list);
        router.postWithRegex(LIST.pattern()).handler(this::create);
        router.routeWithRegex(LIST.pattern()).handler(context -> notAllowed(context, "GET, POST"));
        router.postWithRegex(ONE.pattern()).handler(this::restore);
        router.deleteWithRegex(ONE.pattern()).handler(this::delete);
        router.routeWithRegex(ONE.pattern()).handler(context -> notAllowed(context, "POST, DELETE"));
    }

    private void list(RoutingContext context) {
        String path = path(LIST, context);
        blocking(context, () -> checkpoints.list(path), list -> json(context, 200, list));
    }

    private void create(RoutingContext context) {
        String path = path(LIST, context);
        String user = TokenAuth.user(context);
        blocking(context, () -> checkpoints.create(path, user), checkpoint -> {
            context.response().putHeader("Location", ContentsRoutes.PREFIX + "/" + ApiPath.escape(path)
                    + "/checkpoints/" + ApiPath.escape(checkpoint.get("id").asText()));
            json(context, 201, checkpoint);
        });
    }

    private void restore(RoutingContext context) {
        String path = path(ONE, context);
        String id = id(context);
        String user = TokenAuth.user(context);
        blocking(context, () -> {
            checkpoints.restore(path, id, user);
            return id;
        }, restored -> context.response().setStatusCode(204).end());
    }

    private void delete(RoutingContext context) {
        String path = path(ONE, context);
        String id = id(context);
        blocking(context, () -> {
            checkpoints.delete(path, id);
            return id;
        }, deleted -> context.response().setStatusCode(204).end());
    }

    private static void notAllowed(RoutingContext context, String allowed) {
        context.response().putHeader("Allow", allowed);
        HttpErrors.send(context, 405, context.request().method() + " is not allowed on checkpoints: use " + allowed);
    }

    private static String path(Pattern pattern, RoutingContext context) {
        Matcher matcher = pattern.matcher(context.normalizedPath());
        if (!matcher.matches()) {
            throw HttpException.notFound("no such endpoint: " + context.normalizedPath());
        }
        String path = ApiPath.fromEncoded(matcher.group(1));
        WorkspaceGuard.require(context, path);
        return path;
    }

    private static String id(RoutingContext context) {
        Matcher matcher = ONE.matcher(context.normalizedPath());
        matcher.matches();
        return matcher.group(2);
    }

    private static void json(RoutingContext context, int status, JsonNode body) {
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(Buffer.buffer(ContentsModels.write(body)));
    }

    private <T> void blocking(RoutingContext context, Callable<T> work, Consumer<T> answer) {
        vertx.executeBlocking(work, false).onComplete(result -> {
            if (result.succeeded()) {
                answer.accept(result.result());
            } else {
                if (result.cause() instanceof HttpException http && http.status() == 405) {
                    context.response().putHeader("Allow", "POST");
                }
                context.fail(result.cause());
            }
        });
    }
}
