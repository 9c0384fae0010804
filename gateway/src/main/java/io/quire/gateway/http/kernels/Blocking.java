package io.quire.gateway.http.kernels;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.Callable;

/**
 * Runs a request's blocking part (starting or stopping a kernel takes seconds) on a worker thread, unordered, so that
 * one slow kernel start does not hold up the other blocking work of its event loop; failures go to the router's
 * failure handler.
 */
public final class Blocking {

    private Blocking() {
    }

    /** Runs {@code work} on a worker, then {@code then} with its result on the request's event loop. */
    public static <T> void run(Vertx vertx, RoutingContext context, Callable<T> work, Handler<T> then) {
        vertx.<T>executeBlocking(work, false).onComplete(result -> {
            if (result.succeeded()) {
                then.handle(result.result());
            } else {
                context.fail(result.cause());
            }
        });
    }
}
