package io.quire.gateway.http.kernels;

import io.quire.gateway.Quire;
import io.quire.gateway.http.Routes;
import io.quire.gateway.http.channels.ChannelRoutes;
import io.quire.gateway.http.sessions.SessionRoutes;
import io.quire.gateway.http.status.StatusCounts;
import io.quire.gateway.kernels.KernelEnvironment;
import io.quire.gateway.kernels.KernelSessions;
import io.quire.gateway.kernels.Kernels;
import io.quire.gateway.kernels.ServedKernel;
import io.vertx.core.Context;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

import java.util.function.Function;

/**
 * The Jupyter kernel API, over one set of kernels and sessions: kernelspecs, kernels, sessions and the channels
 * WebSocket. Kernels run on {@link Quire#kernels()}: {@link Quire#close()} stops them.
 */
public final class KernelFeature {

    private KernelFeature() {
    }

    /** The feature's routes, for {@link io.quire.gateway.http.Features}. */
    public static Function<Vertx, Routes> of(Quire quire) {
        Kernels kernels = new Kernels(quire, KernelEnvironment.standard());
        KernelSessions sessions = new KernelSessions(kernels);
        return vertx -> new KernelApi(vertx, kernels, sessions);
    }

    /** The feature's routes on one server; it counts its kernels and their clients for {@code /api/status}. */
    private static final class KernelApi implements Routes, StatusCounts {

        private final Vertx vertx;
        private final Kernels kernels;
        private final KernelSessions sessions;

        KernelApi(Vertx vertx, Kernels kernels, KernelSessions sessions) {
            this.vertx = vertx;
            this.kernels = kernels;
            this.sessions = sessions;
        }

        @Override
        public void mount(Router router) {
            // Undeployed when the server stops: from then on, kernels that exit are not restarted.
            vertx.deployVerticle(new Deployable() {
                @Override
                public Future<?> deploy(Context context) {
                    return Future.succeededFuture();
                }

                @Override
                public Future<?> undeploy(Context context) {
                    kernels.stopping();
                    return Future.succeededFuture();
                }
            });
            new KernelSpecRoutes(vertx, kernels).mount(router);
            new KernelRoutes(vertx, kernels).mount(router);
            new SessionRoutes(vertx, sessions).mount(router);
            new ChannelRoutes(vertx, kernels).mount(router);
        }

        @Override
        public int kernels() {
            return kernels.list().size();
        }

        @Override
        public int connections() {
            return kernels.list().stream().mapToInt(ServedKernel::connections).sum();
        }
    }
}
