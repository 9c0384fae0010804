package io.quire.gateway.http.kernels;

import io.quire.gateway.http.HttpException;
import io.quire.gateway.http.Routes;
import io.quire.gateway.kernels.Kernels;
import io.quire.kernel.spec.KernelSpec;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /api/kernelspecs} and {@code /api/kernelspecs/{name}} as Jupyter Server answers them, and the kernelspecs'
 * resource files (logos) at {@code /kernelspecs/{name}/{file}}: files of the kernelspec's own directory only, a
 * path leading out of it is refused with 403.
 */
public final class KernelSpecRoutes implements Routes {

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "png", "image/png", "svg", "image/svg+xml", "js", "application/javascript", "css", "text/css",
            "json", "application/json", "txt", "text/plain");

    private final Vertx vertx;
    private final Kernels kernels;

    public KernelSpecRoutes(Vertx vertx, Kernels kernels) {
        this.vertx = vertx;
        this.kernels = kernels;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/kernelspecs").handler(this::all);
        router.get("/api/kernelspecs/:kernel_name").handler(this::one);
        router.routeWithRegex(HttpMethod.GET, "/kernelspecs/([^/]+)/(.+)").handler(this::resource);
        router.routeWithRegex(HttpMethod.HEAD, "/kernelspecs/([^/]+)/(.+)").handler(this::resource);
    }

    private void all(RoutingContext context) {
        Blocking.run(vertx, context, () -> {
            JsonObject specs = new JsonObject();
            kernels.specs().findAll().forEach((name, spec) -> specs.put(name, KernelSpecJson.model(spec)));
            return new JsonObject().put("default", kernels.defaultKernelName()).put("kernelspecs", specs);
        }, context::json);
    }

    private void one(RoutingContext context) {
        String name = context.pathParam("kernel_name");
        Blocking.run(vertx, context, () -> KernelSpecJson.model(spec(name)), context::json);
    }

    private void resource(RoutingContext context) {
        String name = decode(context.pathParam("param0"));
        String file = decode(context.pathParam("param1"));
        Blocking.run(vertx, context, () -> resolve(spec(name), file), path -> {
            String extension = path.getFileName().toString();
            extension = extension.substring(extension.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (extension.equals("png")) {
                context.response().putHeader("Cache-Control", "max-age=" + 60 * 60 * 24 * 30);
            }
            context.response().putHeader("Content-Type", CONTENT_TYPES.getOrDefault(extension,
                    "application/octet-stream"));
            context.response().sendFile(path.toString()).onFailure(context::fail);
        });
    }

    private KernelSpec spec(String name) {
        return kernels.spec(name).orElseThrow(() -> HttpException.notFound("Kernel spec " + name + " not found"));
    }

    /** The file {@code file} names inside the kernelspec's directory; symbolic links may not lead out of it. */
    private static Path resolve(KernelSpec spec, String file) throws IOException {
        Path root = spec.resourceDir().toRealPath();
        Path candidate = root.resolve(file).normalize();
        if (file.startsWith("/") || file.contains("\\") || file.indexOf('\0') >= 0 || !candidate.startsWith(root)) {
            throw new HttpException(403, file + " is not in the directory of kernelspec " + spec.name());
        }
        if (!Files.isRegularFile(candidate)) {
            throw HttpException.notFound("kernelspec " + spec.name() + " has no file " + file);
        }
        if (!candidate.toRealPath().startsWith(root)) {
            throw new HttpException(403, file + " is not in the directory of kernelspec " + spec.name());
        }
        return candidate;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpException.badRequest("malformed path: " + e.getMessage());
        }
    }
}
