package io.quire.gateway.http.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.gateway.Quire;
import io.quire.gateway.http.Routes;
import io.quire.gateway.http.HttpException;
import io.quire.gateway.http.auth.TokenAuth;
import io.quire.gateway.http.auth.WorkspaceGuard;
import io.quire.gateway.users.Workspaces;
import io.quire.gateway.http.kernels.Blocking;
import io.quire.gateway.notebook.Notebooks;
import io.quire.gateway.schedules.NotebookSchedules;
import io.quire.projections.notebook.LiveNotebook;
import io.quire.projections.schedules.ScheduleView;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Schedules over HTTP (documented in {@code openapi.yaml}): {@code POST /quire/api/schedules} (create, 201),
 * {@code GET /quire/api/schedules} (all), {@code GET|PUT|DELETE /quire/api/schedules/{id}},
 * {@code POST /quire/api/schedules/{id}/pause} and {@code .../resume}. Every change is made as the authenticated
 * user; the serving node's triggers follow at once. Their runs: {@code GET /quire/api/runs?schedule=ID}.
 */
public final class ScheduleRoutes implements Routes {

    private final Vertx vertx;
    private final Quire quire;
    private final Notebooks notebooks;

    public ScheduleRoutes(Vertx vertx, Quire quire) {
        this.vertx = vertx;
        this.quire = quire;
        this.notebooks = new Notebooks(quire);
    }

    @Override
    public void mount(Router router) {
        router.post("/quire/api/schedules").handler(this::create);
        router.get("/quire/api/schedules").handler(this::list);
        router.get("/quire/api/schedules/:scheduleId").handler(this::get);
        router.put("/quire/api/schedules/:scheduleId").handler(this::update);
        router.delete("/quire/api/schedules/:scheduleId").handler(this::delete);
        router.post("/quire/api/schedules/:scheduleId/pause").handler(this::pause);
        router.post("/quire/api/schedules/:scheduleId/resume").handler(this::resume);
    }

    // The schedules service is fetched per request: quire serve starts firing schedules after the routes exist.
    private NotebookSchedules schedules() {
        return quire.schedules();
    }

    private void create(RoutingContext context) {
        ScheduleBody body = ScheduleBody.parse(context.body().buffer());
        String user = TokenAuth.user(context);
        WorkspaceGuard.require(context, body.notebook());
        Blocking.run(vertx, context, () -> json(schedules().create(body.definition(
                schedules().notebookIdOf(body.notebook())), user)), schedule -> {
            context.response().putHeader("Location", ScheduleJson.self(schedule.get("id").asText()));
            send(context, 201, schedule);
        });
    }

    private void list(RoutingContext context) {
        Workspaces workspaces = TokenAuth.workspaces(context);
        Blocking.run(vertx, context, () -> ScheduleJson.schedules(schedules().all().stream()
                        .filter(view -> visible(view, workspaces)).toList(), this::pathOf),
                schedules -> send(context, 200, schedules));
    }

    private void get(RoutingContext context) {
        String scheduleId = context.pathParam("scheduleId");
        String user = TokenAuth.user(context);
        Workspaces workspaces = TokenAuth.workspaces(context);
        Blocking.run(vertx, context, () -> json(schedules().get(mine(scheduleId, user, workspaces))),
                schedule -> send(context, 200, schedule));
    }

    private void update(RoutingContext context) {
        String scheduleId = context.pathParam("scheduleId");
        ScheduleBody body = ScheduleBody.parse(context.body().buffer());
        String user = TokenAuth.user(context);
        WorkspaceGuard.require(context, body.notebook());
        Workspaces workspaces = TokenAuth.workspaces(context);
        Blocking.run(vertx, context, () -> json(schedules().update(mine(scheduleId, user, workspaces), body.definition(
                schedules().notebookIdOf(body.notebook())), user)), schedule -> send(context, 200, schedule));
    }

    private void delete(RoutingContext context) {
        String scheduleId = context.pathParam("scheduleId");
        String user = TokenAuth.user(context);
        Workspaces workspaces = TokenAuth.workspaces(context);
        Blocking.run(vertx, context, () -> {
            schedules().delete(mine(scheduleId, user, workspaces), user);
            return Boolean.TRUE;
        }, done -> context.response().setStatusCode(204).end());
    }

    private void pause(RoutingContext context) {
        String scheduleId = context.pathParam("scheduleId");
        String user = TokenAuth.user(context);
        Workspaces workspaces = TokenAuth.workspaces(context);
        Blocking.run(vertx, context, () -> json(schedules().pause(mine(scheduleId, user, workspaces), user)),
                schedule -> send(context, 200, schedule));
    }

    private void resume(RoutingContext context) {
        String scheduleId = context.pathParam("scheduleId");
        String user = TokenAuth.user(context);
        Workspaces workspaces = TokenAuth.workspaces(context);
        Blocking.run(vertx, context, () -> json(schedules().resume(mine(scheduleId, user, workspaces), user)),
                schedule -> send(context, 200, schedule));
    }

    /** The id, once sure a user limited to workspaces may touch the schedule: its notebook is in one of them. */
    private String mine(String scheduleId, String user, Workspaces workspaces) {
        if (!workspaces.unlimited() && !visible(schedules().get(scheduleId), workspaces)) {
            throw new HttpException(403, "schedule " + scheduleId + " runs a notebook outside the workspaces of "
                    + user + " (" + workspaces + ")");
        }
        return scheduleId;
    }

    private boolean visible(ScheduleView view, Workspaces workspaces) {
        if (workspaces.unlimited()) {
            return true;
        }
        String path = pathOf(view.definition().notebookId());
        return path != null && workspaces.allows(path);
    }

    private JsonNode json(ScheduleView view) {
        return ScheduleJson.schedule(view, this::pathOf);
    }

    private String pathOf(String notebookId) {
        return quire.projections().liveNotebooks().find(notebookId).filter(live -> !live.deleted())
                .map(LiveNotebook::path).orElse(null);
    }

    private static void send(RoutingContext context, int status, JsonNode body) {
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toString());
    }
}
