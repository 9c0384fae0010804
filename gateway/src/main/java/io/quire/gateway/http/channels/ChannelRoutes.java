package io.quire.gateway.http.channels;

import io.quire.gateway.http.HttpErrors;
import io.quire.gateway.http.Routes;
import io.quire.gateway.http.HttpException;
import io.quire.gateway.http.auth.TokenAuth;
import io.quire.gateway.http.auth.WorkspaceGuard;
import io.quire.gateway.kernels.DeliveryCounts;
import io.quire.gateway.kernels.KernelPeer;
import io.quire.gateway.kernels.Kernels;
import io.quire.gateway.kernels.ServedKernel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/kernels/{id}/channels}: the WebSocket Jupyter front ends talk to a kernel through, in the legacy JSON
 * protocol or, when the client offers it, {@code v1.kernel.websocket.jupyter.org}. The token may come as
 * {@code ?token=} (browsers cannot set headers on WebSockets); {@code ?session_id=} names the client's session.
 * An unknown kernel is answered 404 before any upgrade; a kernel bound to a notebook outside the caller's
 * workspaces, 403.
 *
 * <p>Also {@code GET /quire/api/kernels/{id}/clients}: each front end connected to the kernel, with how well it keeps
 * up ({@link io.quire.gateway.kernels.DeliveryCounts}: bytes queued for it now and at most, outputs dropped because
 * it did not read fast enough).
 */
public final class ChannelRoutes implements Routes {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelRoutes.class);

    private final Kernels kernels;

    public ChannelRoutes(Vertx vertx, Kernels kernels) {
        this.kernels = kernels;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/kernels/:kernel_id/channels").handler(this::upgrade);
        router.get("/quire/api/kernels/:kernel_id/clients").handler(this::clients);
    }

    private void clients(RoutingContext context) {
        String id = context.pathParam("kernel_id");
        ServedKernel kernel = kernels.find(id).orElseThrow(() -> HttpException.notFound("Kernel does not exist: "
                + id + " (GET /api/kernels lists the running ones)"));
        kernels.notebookPath(id).ifPresent(path -> WorkspaceGuard.require(context, path));
        JsonArray clients = new JsonArray();
        for (KernelPeer peer : kernel.frontEnds()) {
            DeliveryCounts counts = peer.deliveryCounts();
            clients.add(new JsonObject().put("session_id", peer.sessionId()).put("user", peer.user())
                    .put("queued_bytes", counts.queuedBytes()).put("peak_queued_bytes", counts.peakQueuedBytes())
                    .put("dropped_messages", counts.droppedMessages()).put("dropped_bytes", counts.droppedBytes()));
        }
        context.json(clients);
    }

    private void upgrade(RoutingContext context) {
        String id = context.pathParam("kernel_id");
        ServedKernel kernel = kernels.find(id).orElse(null);
        if (kernel == null) {
            HttpErrors.send(context, 404, "Kernel does not exist: " + id);
            return;
        }
        try {
            kernels.notebookPath(id).ifPresent(path -> WorkspaceGuard.require(context, path));
        } catch (HttpException outside) {
            HttpErrors.send(context, outside.status(), outside.getMessage());
            return;
        }
        if (!context.request().canUpgradeToWebSocket()) {
            HttpErrors.send(context, 400, "this endpoint is a WebSocket: connect with an Upgrade: websocket request");
            return;
        }
        String user = TokenAuth.user(context);
        String sessionId = context.request().getParam("session_id");
        context.request().toWebSocket().onSuccess(socket -> new ChannelConnection(socket, kernel,
                        WireProtocol.forSubprotocol(socket.subProtocol()), user, sessionId).open())
                .onFailure(failure -> LOG.warn("kernel {}: the WebSocket upgrade failed", id, failure));
    }
}
