package io.quire.gateway.http.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.gateway.Quire;
import io.quire.gateway.http.HttpException;
import io.quire.gateway.http.Routes;
import io.quire.gateway.http.StrictBody;
import io.quire.gateway.http.auth.TokenAuth;
import io.quire.gateway.http.auth.WorkspaceGuard;
import io.quire.gateway.http.contents.ApiPath;
import io.quire.gateway.http.kernels.Blocking;
import io.quire.gateway.notebook.DeletedNotebooks;
import io.quire.gateway.users.Workspaces;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deleted notebooks over HTTP (documented in {@code openapi.yaml}): {@code GET /quire/api/deleted-notebooks} lists
 * those in the caller's workspaces, newest deletion first per path; {@code POST
 * /quire/api/deleted-notebooks/{path}/restore} brings back the one deleted last at that path, with an optional
 * body {@code {"as": "NEW_PATH"}}, as the authenticated user.
 */
public final class DeletedNotebookRoutes implements Routes {

    private static final Pattern RESTORE = Pattern.compile("/quire/api/deleted-notebooks/(.+)/restore");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final DeletedNotebooks deleted;

    public DeletedNotebookRoutes(Vertx vertx, Quire quire) {
        this.vertx = vertx;
        this.deleted = new DeletedNotebooks(quire);
    }

    @Override
    public void mount(Router router) {
        router.get("/quire/api/deleted-notebooks").handler(this::list);
        router.postWithRegex(RESTORE.pattern()).handler(this::restore);
    }

    private void list(RoutingContext context) {
        Workspaces workspaces = TokenAuth.workspaces(context);
        Blocking.run(vertx, context, () -> {
            ArrayNode list = JSON.createArrayNode();
            for (DeletedNotebooks.Deleted notebook : deleted.list()) {
                if (workspaces.allows(notebook.path())) {
                    list.addObject().put("path", notebook.path()).put("deletedAt", notebook.deletedAt().toString())
                            .put("deletedBy", notebook.deletedBy()).put("version", notebook.version());
                }
            }
            return list;
        }, list -> context.response().putHeader("Content-Type", "application/json").end(list.toString()));
    }

    private void restore(RoutingContext context) {
        Matcher matcher = RESTORE.matcher(context.normalizedPath());
        if (!matcher.matches()) {
            throw HttpException.notFound("no such endpoint: " + context.normalizedPath());
        }
        String path = ApiPath.fromEncoded(matcher.group(1));
        WorkspaceGuard.require(context, path);
        String newPath = null;
        if (context.body().length() > 0) {
            ObjectNode body = StrictBody.object(context.body().buffer(), "{\"as\": \"reports/old.ipynb\"}");
            StrictBody.onlyFields(body, Set.of("as"), "a restore");
            String as = StrictBody.text(body, "as");
            newPath = as == null ? null : ApiPath.fromBody(as);
            if (newPath != null) {
                WorkspaceGuard.require(context, newPath);
            }
        }
        String user = TokenAuth.user(context);
        String target = newPath;
        Blocking.run(vertx, context, () -> deleted.restore(path, target, user), restored -> context.response()
                .putHeader("Content-Type", "application/json")
                .end(JSON.createObjectNode().put("path", restored).toString()));
    }
}
