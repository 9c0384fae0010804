package io.quire.gateway.http.sessions;

import io.quire.gateway.http.HttpErrors;
import io.quire.gateway.http.HttpException;
import io.quire.gateway.http.Routes;
import io.quire.gateway.http.auth.TokenAuth;
import io.quire.gateway.http.auth.WorkspaceGuard;
import io.quire.gateway.http.contents.ApiPath;
import io.quire.gateway.http.kernels.Blocking;
import io.quire.gateway.http.kernels.RequestBodies;
import io.quire.gateway.kernels.KernelSession;
import io.quire.gateway.kernels.KernelSessions;
import io.quire.gateway.kernels.ServedKernel;
import io.quire.gateway.kernels.UnknownKernelSpecException;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/**
 * {@code /api/sessions} as Jupyter Server answers it. Creating a session for a path that has one returns that one;
 * deleting a session shuts its kernel down. Executions in a {@code notebook} session whose path is a Quire notebook
 * are recorded on it (see {@link io.quire.gateway.kernels.KernelSessions}). Session paths are checked as contents
 * paths are ({@link ApiPath#fromBody}); a user limited to workspaces sees and makes sessions only inside them.
 */
public final class SessionRoutes implements Routes {

    private final Vertx vertx;
    private final KernelSessions sessions;

    public SessionRoutes(Vertx vertx, KernelSessions sessions) {
        this.vertx = vertx;
        this.sessions = sessions;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/sessions").handler(this::list);
        router.post("/api/sessions").handler(this::create);
        router.get("/api/sessions/:session_id").handler(this::get);
        router.patch("/api/sessions/:session_id").handler(this::update);
        router.delete("/api/sessions/:session_id").handler(this::delete);
    }

    private void list(RoutingContext context) {
        JsonArray models = new JsonArray();
        var workspaces = TokenAuth.workspaces(context);
        for (KernelSession session : sessions.list()) {
            if (!workspaces.allows(ApiPath.check(session.path()))) {
                continue;
            }
            kernelOf(session).ifPresent(kernel -> models.add(SessionJson.model(session, kernel)));
        }
        context.json(models);
    }

    private void create(RoutingContext context) {
        JsonObject body = required(context);
        JsonObject notebook = RequestBodies.object(body, "notebook");
        String path = RequestBodies.text(body, "path");
        String type = RequestBodies.text(body, "type");
        if (notebook != null && RequestBodies.text(notebook, "path") != null) {
            path = RequestBodies.text(notebook, "path"); // the deprecated shape, as Jupyter still accepts it
            type = KernelSession.NOTEBOOK;
        }
        if (path == null) {
            throw HttpException.badRequest("Missing field in JSON data: path");
        }
        if (type == null) {
            throw HttpException.badRequest("Missing field in JSON data: type");
        }
        // kept as the client wrote it (clients look their sessions up by it), checked as a contents path
        WorkspaceGuard.require(context, ApiPath.fromBody(path));
        String name = RequestBodies.text(body, "name");
        JsonObject kernel = RequestBodies.object(body, "kernel");
        String kernelName = RequestBodies.text(kernel, "name");
        String kernelId = RequestBodies.text(kernel, "id");
        String sessionPath = path;
        String sessionType = type;
        vertx.<KernelSession>executeBlocking(() -> sessions.createOrFind(sessionPath, name, sessionType, kernelName,
                kernelId), false).onComplete(result -> {
            if (result.failed() && result.cause() instanceof UnknownKernelSpecException unknown) {
                // Jupyter answers 501 here, with a short message JupyterLab shows.
                context.response().setStatusCode(501).putHeader("Content-Type", "application/json")
                        .end(new JsonObject()
                                .put("message", "The '" + unknown.name() + "' kernel is not available. Please pick"
                                        + " another suitable kernel instead, or install that kernel.")
                                .put("short_message", unknown.name() + " not found").encode());
            } else if (result.failed()) {
                context.fail(result.cause());
            } else {
                KernelSession session = result.result();
                context.response().setStatusCode(201).putHeader("Location", "/api/sessions/" + session.id());
                context.json(model(session));
            }
        });
    }

    private void get(RoutingContext context) {
        context.json(model(session(context)));
    }

    private void update(RoutingContext context) {
        KernelSession before = session(context);
        JsonObject body = required(context);
        JsonObject notebook = RequestBodies.object(body, "notebook");
        String path = RequestBodies.text(body, "path");
        String type = RequestBodies.text(body, "type");
        if (notebook != null && RequestBodies.text(notebook, "path") != null) {
            path = RequestBodies.text(notebook, "path");
            type = KernelSession.NOTEBOOK;
        }
        if (path != null) {
            WorkspaceGuard.require(context, ApiPath.fromBody(path));
        }
        String name = RequestBodies.text(body, "name");
        JsonObject kernel = RequestBodies.object(body, "kernel");
        String kernelId = RequestBodies.text(kernel, "id");
        String kernelName = RequestBodies.text(kernel, "name");
        String newPath = path;
        String newType = type;
        Blocking.run(vertx, context, () -> {
            try {
                return sessions.update(before.id(), newPath, name, newType, kernelId, kernelName);
            } catch (UnknownKernelSpecException e) {
                throw HttpException.badRequest(e.getMessage());
            } catch (java.util.NoSuchElementException e) {
                throw notFound(before.id());
            }
        }, after -> context.json(model(after)));
    }

    private void delete(RoutingContext context) {
        String id = context.pathParam("session_id");
        sessions.find(id).ifPresent(session -> WorkspaceGuard.require(context, ApiPath.check(session.path())));
        Blocking.run(vertx, context, () -> sessions.delete(id), deleted -> {
            if (deleted) {
                context.response().setStatusCode(204).end();
            } else {
                HttpErrors.send(context, 404, notFound(id).getMessage());
            }
        });
    }

    private JsonObject model(KernelSession session) {
        ServedKernel kernel = kernelOf(session).orElseThrow(() -> notFound(session.id()));
        return SessionJson.model(session, kernel);
    }

    private Optional<ServedKernel> kernelOf(KernelSession session) {
        return sessions.kernels().find(session.kernelId());
    }

    private KernelSession session(RoutingContext context) {
        String id = context.pathParam("session_id");
        KernelSession session = sessions.find(id).orElseThrow(() -> notFound(id));
        WorkspaceGuard.require(context, ApiPath.check(session.path()));
        return session;
    }

    private static JsonObject required(RoutingContext context) {
        JsonObject body = RequestBodies.object(context);
        if (body == null) {
            throw HttpException.badRequest("No JSON data provided");
        }
        return body;
    }

    private static HttpException notFound(String sessionId) {
        return HttpException.notFound("Session not found: session_id='" + sessionId + "'");
    }
}
