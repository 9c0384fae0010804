package io.quire.gateway.http.auth;

import io.quire.gateway.http.HttpException;
import io.quire.gateway.users.Workspaces;
import io.vertx.ext.web.RoutingContext;

/**
 * Keeps a user limited to workspaces inside them: every route that takes a path asks here before doing anything,
 * with the path already checked ({@code ApiPath}: no '..', absolute paths or encoded tricks). A path outside is
 * answered 403 with a message naming the user's workspaces. Stateless; any thread.
 */
public final class WorkspaceGuard {

    private WorkspaceGuard() {
    }

    /**
     * Refuses {@code path} unless it lies in one of the caller's workspaces.
     *
     * @throws HttpException 403 when it does not
     */
    public static void require(RoutingContext context, String path) {
        require(TokenAuth.user(context), TokenAuth.workspaces(context), path);
    }

    /** As {@link #require(RoutingContext, String)}, for a user and their workspaces. */
    public static void require(String user, Workspaces workspaces, String path) {
        if (!workspaces.allows(path)) {
            throw outside(user, workspaces, path);
        }
    }

    /** Refuses {@code path} unless it is in a workspace or a folder on the way to one (which may be listed). */
    public static void requireVisible(RoutingContext context, String path) {
        Workspaces workspaces = TokenAuth.workspaces(context);
        if (!workspaces.shows(path)) {
            throw outside(TokenAuth.user(context), workspaces, path);
        }
    }

    private static HttpException outside(String user, Workspaces workspaces, String path) {
        return new HttpException(403, "'" + (path.isEmpty() ? "/" : path) + "' is outside the workspaces of " + user
                + " (" + workspaces + "): use a path under one of them, or ask the server's owner to add one with"
                + " `quire user workspaces " + user + " --add FOLDER`");
    }
}
