package io.quire.gateway.http.history;

import io.quire.gateway.http.Routes;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /quire/api/openapi.yaml}: the OpenAPI 3 description of Quire's own API ({@code /quire/api/*}),
 * served as it is in the jar. Like the rest of {@code /quire/api}, it needs a token.
 */
public final class OpenApiRoutes implements Routes {

    /** Where the document is, on the classpath. */
    public static final String DOCUMENT = "openapi.yaml";

    private final Buffer document;

    public OpenApiRoutes() {
        try (InputStream in = OpenApiRoutes.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the classpath: the build is broken");
            }
            this.document = Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DOCUMENT, e);
        }
    }

    @Override
    public void mount(Router router) {
        router.get("/quire/api/openapi.yaml").handler(this::document);
    }

    private void document(RoutingContext context) {
        context.response().putHeader("Content-Type", "application/yaml").end(document);
    }
}
