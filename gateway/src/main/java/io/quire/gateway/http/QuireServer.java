package io.quire.gateway.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quire.gateway.Quire;
import io.quire.gateway.http.auth.TokenAuth;
import io.quire.gateway.http.status.StatusCounts;
import io.quire.gateway.http.status.StatusRoutes;
import io.quire.gateway.users.Users;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * Quire's HTTP front door: the Jupyter Server API and Quire's own API, behind token authentication.
 * Handlers run on Vert.x event loops and hand every blocking call (database, kernels) to worker threads.
 */
public final class QuireServer implements AutoCloseable {

    private final Vertx vertx;
    private final HttpServer server;

    private QuireServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /**
     * Starts listening; returns once the server accepts connections.
     *
     * @param features the routes of each feature, mounted behind authentication in this order
     * @throws IllegalStateException when the port cannot be bound (in use, or not allowed)
     */
    public static QuireServer start(Quire quire, Users users, ServerSettings settings,
                                    List<java.util.function.Function<Vertx, Routes>> features) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(metrics))
                .build();
        try {
            Router router = Router.router(vertx);
            // filled below, before the server listens; /api/status sums what the features count
            List<Routes> mounted = new CopyOnWriteArrayList<>();
            StatusRoutes status = new StatusRoutes(metrics, () -> true,
                    () -> count(mounted, StatusCounts::kernels), () -> count(mounted, StatusCounts::connections));
            status.mountOpen(router);
            // A WebSocket upgrade waits, unread, until its route upgrades it (authentication may be asynchronous).
            router.route("/api/*").handler(QuireServer::holdWebSocketUpgrade);
            router.route("/api/*").handler(new TokenAuth(vertx, settings.token(), settings.owner(), users));
            router.route("/quire/api/*").handler(new TokenAuth(vertx, settings.token(), settings.owner(), users));
            router.route("/kernelspecs/*").handler(new TokenAuth(vertx, settings.token(), settings.owner(), users));
            BodyHandler apiBodies = BodyHandler.create().setBodyLimit(settings.maxBodyBytes());
            router.route("/api/*").handler(context -> {
                if (context.request().canUpgradeToWebSocket()) {
                    context.next();
                } else {
                    apiBodies.handle(context);
                }
            });
            router.route("/quire/api/*").handler(BodyHandler.create().setBodyLimit(settings.maxBodyBytes()));
            status.mount(router);
            for (var feature : features) {
                Routes routes = feature.apply(vertx);
                routes.mount(router);
                mounted.add(routes);
            }
            router.route().last().handler(context -> HttpErrors.send(context, 404,
                    "no such endpoint: " + context.request().method() + " " + context.request().path()));
            router.route().failureHandler(HttpErrors::handle);
            HttpServerOptions options = new HttpServerOptions()
                    .setHost(settings.host())
                    .setPort(settings.port())
                    // Jupyter Server leaves Nagle on and pays ~40 ms per message (FACTS.md): not here.
                    .setTcpNoDelay(true)
                    // Jupyter clients speak HTTP/1.1; a cleartext HTTP/2 upgrade (Java's HttpClient tries one)
                    // broke concurrent event streams, so it is not offered.
                    .setHttp2ClearTextEnabled(false)
                    .setWebSocketSubProtocols(List.of("v1.kernel.websocket.jupyter.org"))
                    .setMaxWebSocketMessageSize((int) Math.min(Integer.MAX_VALUE, settings.maxBodyBytes()))
                    // browsers send a message as one frame: a frame may be as large as a message
                    .setMaxWebSocketFrameSize((int) Math.min(Integer.MAX_VALUE, settings.maxBodyBytes()));
            HttpServer server = vertx.createHttpServer(options).requestHandler(router)
                    .listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return new QuireServer(vertx, server);
        } catch (Exception e) {
            vertx.close();
            Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + cause.getMessage() + " (is another server using that port? choose another with --port)", cause);
        }
    }

    private static int count(List<Routes> features, ToIntFunction<StatusCounts> count) {
        return features.stream().filter(StatusCounts.class::isInstance).map(StatusCounts.class::cast)
                .mapToInt(count).sum();
    }

    private static void holdWebSocketUpgrade(io.vertx.ext.web.RoutingContext context) {
        if (context.request().canUpgradeToWebSocket()) {
            context.request().pause();
        }
        context.next();
    }

    /** The port the server listens on (useful when it was started with port 0). */
    public int port() {
        return server.actualPort();
    }

    public Vertx vertx() {
        return vertx;
    }

    /** Stops accepting requests and closes open connections. */
    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Closing anyway: Vert.x closes what is left below.
        } finally {
            vertx.close();
        }
    }
}
