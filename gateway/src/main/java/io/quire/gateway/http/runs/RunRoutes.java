package io.quire.gateway.http.runs;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.gateway.Quire;
import io.quire.gateway.http.HttpException;
import io.quire.gateway.http.Routes;
import io.quire.gateway.http.auth.TokenAuth;
import io.quire.gateway.http.auth.WorkspaceGuard;
import io.quire.gateway.users.Workspaces;
import io.quire.gateway.http.kernels.Blocking;
import io.quire.gateway.http.kernels.RequestBodies;
import io.quire.gateway.runs.Runs;
import io.quire.projections.runs.RunHistory;
import io.quire.projections.runs.RunSummary;
import io.quire.runtime.run.RunListener;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Parameterized runs over HTTP (documented in {@code openapi.yaml}):
 * <ul>
 *   <li>{@code POST /quire/api/runs}: start a run (or retry one), as the authenticated user; 201 with the run;</li>
 *   <li>{@code GET /quire/api/runs[?notebook=PATH|schedule=ID][&limit=N]}: runs, newest first;</li>
 *   <li>{@code GET /quire/api/runs/{id}}: one run;</li>
 *   <li>{@code GET /quire/api/runs/{id}/events[?follow=false]}: its events as Server-Sent Events;</li>
 *   <li>{@code POST /quire/api/runs/{id}/cancel}: stop it; 202.</li>
 * </ul>
 * Relative file paths in a request (input, output, cwd) are relative to the server's working directory.
 *
 * <p>Handlers run on the event loop and hand everything that reads files, the store or kernels to workers.
 */
public final class RunRoutes implements Routes {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;
    /** How long an answer waits for the run history to show a change just made, before answering without it. */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final Quire quire;
    private final Runs runs;
    private final RunHistory history;
    private final RunEventLog log;
    private final Path serverDirectory = Path.of("").toAbsolutePath();
    private final RunAccess access;

    public RunRoutes(Vertx vertx, Quire quire) {
        this.vertx = vertx;
        this.quire = quire;
        this.runs = new Runs(quire);
        this.history = quire.runProjections().history();
        this.log = new RunEventLog(quire.eventStore());
        this.access = new RunAccess(quire, serverDirectory);
    }

    @Override
    public void mount(Router router) {
        router.post("/quire/api/runs").handler(this::start);
        router.get("/quire/api/runs").handler(this::list);
        router.get("/quire/api/runs/:runId").handler(this::get);
        router.get("/quire/api/runs/:runId/events").handler(this::events);
        router.post("/quire/api/runs/:runId/cancel").handler(this::cancel);
    }

    private void start(RoutingContext context) {
        RunRequestBody body = RunRequestBody.parse(context.body().buffer());
        String user = TokenAuth.user(context);
        Workspaces workspaces = TokenAuth.workspaces(context);
        access.requireStart(user, workspaces, body);
        Blocking.run(vertx, context, RunRefusals.translated(() -> {
            if (body.isRetry() && !workspaces.unlimited()) {
                runs.get(body.retryOf()).ifPresent(earlier -> access.requireRun(user, workspaces, earlier));
            }
            // The API follows runs through their events, so the runner needs no listener of ours.
            Runs.StartedRun started = body.isRetry()
                    ? runs.retry(body.retryOf(), body.secrets(), body.output(), user, serverDirectory,
                    RunListener.NONE)
                    : runs.start(body.request(user, serverDirectory), RunListener.NONE);
            return RunJson.started(started, settled(started.runId()));
        }), run -> context.response().setStatusCode(201)
                .putHeader("Location", RunJson.self(run.get("id").asText()))
                .putHeader("Content-Type", "application/json")
                .end(run.toString()));
    }

    private void list(RoutingContext context) {
        String notebook = context.queryParams().get("notebook");
        String schedule = context.queryParams().get("schedule");
        int limit = limit(context.queryParams().get("limit"));
        if (notebook != null && schedule != null) {
            throw HttpException.badRequest("give 'notebook' or 'schedule', not both");
        }
        Workspaces workspaces = TokenAuth.workspaces(context);
        if (notebook != null) {
            WorkspaceGuard.require(context, notebook);
        }
        Blocking.run(vertx, context, () -> {
            List<RunSummary> found = notebook != null ? runs.ofNotebook(notebook, limit)
                    : schedule != null ? history.ofSchedule(schedule, limit) : history.all(limit);
            return RunJson.runs(access.visible(workspaces, found));
        }, list -> json(context, 200, list));
    }

    private void get(RoutingContext context) {
        String runId = context.pathParam("runId");
        String user = TokenAuth.user(context);
        Workspaces workspaces = TokenAuth.workspaces(context);
        Blocking.run(vertx, context, () -> {
            RunSummary run = runs.get(runId).orElseThrow(() -> HttpException.notFound(
                    "no run " + runId + " (GET /quire/api/runs lists the runs)"));
            access.requireRun(user, workspaces, run);
            return RunJson.run(run);
        }, run -> json(context, 200, run));
    }

    private void events(RoutingContext context) {
        String follow = context.queryParams().get("follow");
        if (follow != null && !follow.equals("true") && !follow.equals("false")) {
            throw HttpException.badRequest("'follow' is true or false, not '" + follow + "'");
        }
        String runId = context.pathParam("runId");
        long first = firstSequence(context.request().getHeader("Last-Event-ID"));
        Workspaces workspaces = TokenAuth.workspaces(context);
        if (workspaces.unlimited()) {
            new RunEventStream(vertx, quire.eventStore(), runId, context, !"false".equals(follow), first).open();
            return;
        }
        String user = TokenAuth.user(context);
        Blocking.run(vertx, context, () -> {
            runs.get(runId).ifPresent(run -> access.requireRun(user, workspaces, run));
            return Boolean.TRUE;
        }, allowed -> new RunEventStream(vertx, quire.eventStore(), runId, context, !"false".equals(follow), first)
                .open());
    }

    private void cancel(RoutingContext context) {
        String runId = context.pathParam("runId");
        JsonObject body = RequestBodies.object(context);
        String reason = RequestBodies.text(body, "reason");
        String user = TokenAuth.user(context);
        Workspaces workspaces = TokenAuth.workspaces(context);
        Blocking.run(vertx, context, () -> {
            log.read(runId); // 404 for an unknown run, or an id that is not a run's
            runs.get(runId).ifPresent(run -> access.requireRun(user, workspaces, run));
            runs.cancel(runId, reason != null ? reason : "cancelled by " + user + " through the API", user);
            RunSummary summary = settled(runId);
            return summary != null ? RunJson.run(summary) : null;
        }, run -> {
            context.response().setStatusCode(202).putHeader("Location", RunJson.self(runId));
            if (run == null) {
                context.response().end();
            } else {
                json(context, 202, run);
            }
        });
    }

    /** The run as the history shows it once it has caught up with what was just recorded; null if it is late. */
    private RunSummary settled(String runId) throws InterruptedException {
        try {
            quire.awaitProjections(SETTLE);
        } catch (TimeoutException e) {
            return null; // the change is recorded; only its reflection in the history is late
        }
        return runs.get(runId).orElse(null);
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HttpException.badRequest("'limit' is a whole number from 1 to " + MAX_LIMIT + ", not '" + text + "'");
    }

    /** 0, or one past the id of the last event a reconnecting client received. */
    private static long firstSequence(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return 0;
        }
        try {
            long last = Long.parseLong(lastEventId.trim());
            if (last >= 0) {
                return last + 1;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HttpException.badRequest("Last-Event-ID is the id of an event of this stream (a number), not '"
                + lastEventId + "'");
    }

    private static void json(RoutingContext context, int status, JsonNode body) {
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toString());
    }
}
