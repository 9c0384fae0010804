package io.quire.gateway.http.kernels;

import io.quire.gateway.http.HttpException;
import io.quire.gateway.http.Routes;
import io.quire.gateway.http.auth.TokenAuth;
import io.quire.gateway.http.auth.WorkspaceGuard;
import io.quire.gateway.http.contents.ApiPath;
import io.quire.gateway.kernels.Kernels;
import io.quire.gateway.kernels.ServedKernel;
import io.quire.gateway.kernels.UnknownKernelSpecException;
import io.quire.runtime.kernel.KernelLaunchException;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code /api/kernels}, as Jupyter Server answers it: list, start ({@code {name, path?, env?}}; of {@code env},
 * only what {@link io.quire.gateway.kernels.KernelEnvironment} allows is kept), get, shut down, interrupt, restart.
 * A user limited to workspaces sees and uses only kernels not bound to a notebook outside them, and may start one
 * only for a path inside them.
 */
public final class KernelRoutes implements Routes {

    private static final long INTERRUPT_SECONDS = 10;

    private final Vertx vertx;
    private final Kernels kernels;

    public KernelRoutes(Vertx vertx, Kernels kernels) {
        this.vertx = vertx;
        this.kernels = kernels;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/kernels").handler(this::list);
        router.post("/api/kernels").handler(this::start);
        router.get("/api/kernels/:kernel_id").handler(this::get);
        router.delete("/api/kernels/:kernel_id").handler(this::shutdown);
        router.post("/api/kernels/:kernel_id/interrupt").handler(this::interrupt);
        router.post("/api/kernels/:kernel_id/restart").handler(this::restart);
    }

    private void list(RoutingContext context) {
        JsonArray models = new JsonArray();
        var workspaces = TokenAuth.workspaces(context);
        kernels.list().stream()
                .filter(kernel -> kernels.notebookPath(kernel.id()).map(workspaces::allows).orElse(true))
                .forEach(kernel -> models.add(KernelJson.model(kernel)));
        context.json(models);
    }

    private void start(RoutingContext context) {
        JsonObject body = RequestBodies.object(context);
        String name = RequestBodies.text(body, "name");
        String path = RequestBodies.text(body, "path"); // kernels run in their own directory here, whatever it says
        if (path != null && !TokenAuth.workspaces(context).unlimited()) {
            WorkspaceGuard.require(context, ApiPath.fromBody(path)); // unused otherwise: only checked for them
        }
        JsonObject env = RequestBodies.object(body, "env");
        Map<String, String> environment = kernels.environment().filter(env == null ? Map.of() : env.getMap());
        Blocking.run(vertx, context, () -> {
            try {
                return kernels.start(name, environment);
            } catch (UnknownKernelSpecException e) {
                throw new HttpException(404, e.getMessage());
            }
        }, kernel -> context.response().setStatusCode(201)
                .putHeader("Location", "/api/kernels/" + kernel.id())
                .putHeader("Content-Type", "application/json")
                .end(KernelJson.model(kernel).encode()));
    }

    private void get(RoutingContext context) {
        context.json(KernelJson.model(kernel(context)));
    }

    private void shutdown(RoutingContext context) {
        ServedKernel kernel = kernel(context);
        Blocking.run(vertx, context, () -> {
            kernels.shutdown(kernel);
            return null;
        }, done -> context.response().setStatusCode(204).end());
    }

    private void interrupt(RoutingContext context) {
        ServedKernel kernel = kernel(context);
        Blocking.run(vertx, context, () -> {
            try {
                kernel.interrupt().get(INTERRUPT_SECONDS, TimeUnit.SECONDS);
                return null;
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof IllegalStateException state) {
                    throw new HttpException(409, state.getMessage());
                }
                throw new IllegalStateException("could not interrupt kernel " + kernel.id() + ": " + e.getCause(),
                        e.getCause());
            }
        }, done -> context.response().setStatusCode(204).end());
    }

    private void restart(RoutingContext context) {
        ServedKernel kernel = kernel(context);
        Blocking.run(vertx, context, () -> {
            try {
                kernel.restart();
                return kernel;
            } catch (KernelLaunchException e) {
                throw new HttpException(500, "Exception restarting kernel: " + e.getMessage());
            } catch (IllegalStateException e) {
                throw new HttpException(404, "Kernel does not exist: " + kernel.id());
            }
        }, restarted -> context.json(KernelJson.model(restarted)));
    }

    private ServedKernel kernel(RoutingContext context) {
        String id = context.pathParam("kernel_id");
        ServedKernel kernel = kernels.find(id).orElseThrow(() -> HttpException.notFound("Kernel does not exist: " + id));
        kernels.notebookPath(id).ifPresent(path -> WorkspaceGuard.require(context, path));
        return kernel;
    }
}
