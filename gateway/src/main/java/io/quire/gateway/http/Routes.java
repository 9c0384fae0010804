package io.quire.gateway.http;

import io.vertx.ext.web.Router;

/** One feature's HTTP endpoints; the server mounts each feature's routes on its router. */
public interface Routes {

    /** Adds this feature's routes; called once, on the event loop, before the server listens. */
    void mount(Router router);
}
