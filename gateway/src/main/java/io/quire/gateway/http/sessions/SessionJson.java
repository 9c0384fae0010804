package io.quire.gateway.http.sessions;

import io.quire.gateway.http.kernels.KernelJson;
import io.quire.gateway.kernels.KernelSession;
import io.quire.gateway.kernels.ServedKernel;
import io.vertx.core.json.JsonObject;

/** The session model of the Jupyter Server API. */
final class SessionJson {

    private SessionJson() {
    }

    /**
     * {@code {id, path, name, type, kernel}}, and for notebooks the deprecated {@code notebook: {path, name}} that
     * Jupyter Server still sends.
     */
    static JsonObject model(KernelSession session, ServedKernel kernel) {
        JsonObject model = new JsonObject()
                .put("id", session.id())
                .put("path", session.path())
                .put("name", session.name())
                .put("type", session.type())
                .put("kernel", KernelJson.model(kernel));
        if (session.isNotebook()) {
            model.put("notebook", new JsonObject().put("path", session.path()).put("name", session.name()));
        }
        return model;
    }
}
