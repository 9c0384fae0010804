package io.quire.gateway.http.status;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quire.gateway.http.Routes;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * {@code /api} and {@code /api/status} as Jupyter Server answers them, plus health for orchestrators
 * ({@code /healthz}: the process runs; {@code /readyz}: it can serve) and Prometheus metrics ({@code /metrics}).
 * Health and metrics need no token, so probes and scrapers can reach them.
 */
public final class StatusRoutes implements Routes {

    /** The Jupyter Server API version Quire speaks. */
    public static final String JUPYTER_SERVER_VERSION = "2.14.0";

    private final Instant started = Instant.now();
    private final PrometheusMeterRegistry metrics;
    private final BooleanSupplier ready;
    private final IntSupplier kernels;
    private final IntSupplier connections;

    public StatusRoutes(PrometheusMeterRegistry metrics, BooleanSupplier ready, IntSupplier kernels,
                        IntSupplier connections) {
        this.metrics = metrics;
        this.ready = ready;
        this.kernels = kernels;
        this.connections = connections;
    }

    /** Routes that need no token; mount before authentication. */
    public void mountOpen(Router router) {
        router.get("/healthz").handler(this::health);
        router.get("/readyz").handler(this::readiness);
        router.get("/metrics").handler(this::scrape);
    }

    @Override
    public void mount(Router router) {
        router.get("/api").handler(this::version);
        router.get("/api/status").handler(this::status);
    }

    private void health(RoutingContext context) {
        context.json(new JsonObject().put("status", "ok"));
    }

    private void readiness(RoutingContext context) {
        boolean isReady = ready.getAsBoolean();
        context.response().setStatusCode(isReady ? 200 : 503);
        context.json(new JsonObject().put("status", isReady ? "ready" : "starting"));
    }

    private void scrape(RoutingContext context) {
        context.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.scrape());
    }

    private void version(RoutingContext context) {
        context.json(new JsonObject().put("version", JUPYTER_SERVER_VERSION));
    }

    private void status(RoutingContext context) {
        context.json(new JsonObject()
                .put("started", started.toString())
                .put("last_activity", Instant.now().toString())
                .put("connections", connections.getAsInt())
                .put("kernels", kernels.getAsInt()));
    }
}
