package io.quire.gateway.http.kernels;

import io.quire.gateway.kernels.ServedKernel;
import io.vertx.core.json.JsonObject;

/** The kernel model of the Jupyter Server API. */
public final class KernelJson {

    private KernelJson() {
    }

    /** {@code {id, name, last_activity, execution_state, connections}}, and {@code reason} when there is one. */
    public static JsonObject model(ServedKernel kernel) {
        JsonObject model = new JsonObject()
                .put("id", kernel.id())
                .put("name", kernel.name())
                .put("last_activity", JupyterTime.format(kernel.lastActivity()))
                .put("execution_state", kernel.executionState())
                .put("connections", kernel.connections());
        if (!kernel.reason().isEmpty()) {
            model.put("reason", kernel.reason());
        }
        return model;
    }
}
