package io.quire.gateway.http;

import io.quire.domain.CommandRejectedException;
import io.quire.domain.nbformat.InvalidNotebookException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure answered the way Jupyter Server answers: a status and a JSON body {@code {"message", "reason"}}
 * that a person can act on. Unexpected failures are logged with their stack trace and answered 500.
 */
public final class HttpErrors {

    private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

    private HttpErrors() {
    }

    /** Ends the response with {@code status} and {@code message}. */
    public static void send(RoutingContext context, int status, String message) {
        if (context.response().ended()) {
            return;
        }
        context.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("message", message).put("reason", reason(status)).encode());
    }

    /** The router's failure handler: maps what went wrong to a status. */
    public static void handle(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure instanceof HttpException http) {
            send(context, http.status(), http.getMessage());
        } else if (failure instanceof CommandRejectedException rejected) {
            send(context, switch (rejected.reason()) {
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                case INVALID -> 400;
            }, rejected.getMessage());
        } else if (failure instanceof InvalidNotebookException || failure instanceof DecodeException
                || failure instanceof IllegalArgumentException) {
            send(context, 400, failure.getMessage());
        } else if (failure == null) {
            send(context, context.statusCode(), context.statusCode() == 413
                    ? "the request body is too large" : "the request failed (" + context.statusCode() + ")");
        } else {
            LOG.error("{} {} failed", context.request().method(), context.request().path(), failure);
            send(context, 500, "Quire failed to handle this request: " + failure);
        }
    }

    private static String reason(int status) {
        return io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
    }
}
