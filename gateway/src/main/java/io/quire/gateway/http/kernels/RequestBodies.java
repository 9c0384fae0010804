package io.quire.gateway.http.kernels;

import io.quire.gateway.http.HttpException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reading the JSON bodies of Jupyter API requests, with errors a person can act on. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * The body as a JSON object; null when there is none.
     *
     * @throws HttpException 400 when it is not a JSON object
     */
    public static JsonObject object(RoutingContext context) {
        Buffer body = context.body().buffer();
        if (body == null || body.length() == 0) {
            return null;
        }
        Object value;
        try {
            value = body.toJsonValue();
        } catch (DecodeException e) {
            throw HttpException.badRequest("the request body is not valid JSON: " + e.getMessage());
        }
        if (value instanceof JsonObject object) {
            return object;
        }
        throw HttpException.badRequest("the request body must be a JSON object");
    }

    /** A string field, or null when absent or JSON null. @throws HttpException 400 when it is not a string */
    public static String text(JsonObject object, String field) {
        Object value = object == null ? null : object.getValue(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw HttpException.badRequest("'" + field + "' must be a string");
    }

    /** An object field, or null when absent or JSON null. @throws HttpException 400 when it is not an object */
    public static JsonObject object(JsonObject object, String field) {
        Object value = object == null ? null : object.getValue(field);
        if (value == null || value instanceof JsonObject) {
            return (JsonObject) value;
        }
        throw HttpException.badRequest("'" + field + "' must be a JSON object");
    }
}
