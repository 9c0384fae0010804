package io.quire.gateway.http.runs;

import io.quire.gateway.Quire;
import io.quire.gateway.http.HttpException;
import io.quire.gateway.http.auth.WorkspaceGuard;
import io.quire.gateway.users.Workspaces;
import io.quire.projections.notebook.LiveNotebook;
import io.quire.projections.runs.RunSummary;
import io.quire.runtime.output.location.NotebookLocation;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a user limited to workspaces may do with runs: run Quire notebooks under their workspaces, into Quire's
 * output store or a new Quire notebook under them, and see and stop only such runs. Files and S3 objects on the
 * server (inputs, outputs, working directories) are for unlimited users: they lie outside every workspace.
 */
final class RunAccess {

    private final Quire quire;
    private final Path serverDirectory;

    RunAccess(Quire quire, Path serverDirectory) {
        this.quire = quire;
        this.serverDirectory = serverDirectory;
    }

    /** @throws HttpException 403 when a limited user's request reaches outside their workspaces */
    void requireStart(String user, Workspaces workspaces, RunRequestBody body) {
        if (workspaces.unlimited()) {
            return;
        }
        if (body.cwd() != null) {
            throw refused(user, workspaces, "a working directory on the server");
        }
        if (body.input() != null) {
            requireQuireNotebook(user, workspaces, body.input());
        }
        if (body.output() != null) {
            requireQuireNotebook(user, workspaces, body.output());
        }
    }

    /** @throws HttpException 403 when a limited user may not see or stop {@code run} */
    void requireRun(String user, Workspaces workspaces, RunSummary run) {
        if (!workspaces.unlimited() && !visible(workspaces, run)) {
            throw new HttpException(403, "run " + run.runId() + " is not of a notebook in the workspaces of " + user
                    + " (" + workspaces + ")");
        }
    }

    /** The runs a user may see among {@code runs}. */
    List<RunSummary> visible(Workspaces workspaces, List<RunSummary> runs) {
        return workspaces.unlimited() ? runs : runs.stream().filter(run -> visible(workspaces, run)).toList();
    }

    private boolean visible(Workspaces workspaces, RunSummary run) {
        return run.notebookId() != null && pathOf(run.notebookId()).filter(workspaces::allows).isPresent();
    }

    private Optional<String> pathOf(String notebookId) {
        return quire.projections().liveNotebooks().find(notebookId).filter(live -> !live.deleted())
                .map(LiveNotebook::path);
    }

    private void requireQuireNotebook(String user, Workspaces workspaces, String location) {
        NotebookLocation parsed;
        try {
            parsed = NotebookLocation.parse(location, serverDirectory);
        } catch (IllegalArgumentException e) {
            throw HttpException.badRequest(e.getMessage());
        }
        if (!(parsed instanceof NotebookLocation.QuireNotebook notebook)) {
            throw refused(user, workspaces, location + " (a file or S3 object on the server)");
        }
        WorkspaceGuard.require(user, workspaces, notebook.path());
    }

    private static HttpException refused(String user, Workspaces workspaces, String what) {
        return new HttpException(403, user + " is limited to the workspaces " + workspaces + ", so a run cannot use "
                + what + ": run quire:PATH notebooks under them, into the output store or a quire:PATH under them");
    }
}
