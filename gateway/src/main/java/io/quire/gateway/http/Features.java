package io.quire.gateway.http;

import io.quire.gateway.Quire;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.function.Function;

/** Every feature the server offers, in mounting order. Add a feature's routes here. */
public final class Features {

    private Features() {
    }

    public static List<Function<Vertx, Routes>> all(Quire quire) {
        return List.of(
                io.quire.gateway.http.kernels.KernelFeature.of(quire),
                vertx -> new io.quire.gateway.http.contents.ContentsRoutes(vertx, quire),
                vertx -> new io.quire.gateway.http.history.DeletedNotebookRoutes(vertx, quire),
                vertx -> new io.quire.gateway.http.history.HistoryRoutes(vertx, quire),
                vertx -> new io.quire.gateway.http.runs.RunRoutes(vertx, quire),
                vertx -> new io.quire.gateway.http.schedules.ScheduleRoutes(vertx, quire),
                vertx -> new io.quire.gateway.http.history.OpenApiRoutes());
    }
}
