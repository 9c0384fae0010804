package io.quire.gateway.http.auth;

import io.quire.gateway.http.HttpErrors;
import io.quire.gateway.users.User;
import io.quire.gateway.users.Users;
import io.quire.gateway.users.Workspaces;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * Who is calling: a token in {@code Authorization: token T} (or {@code bearer T}) or in {@code ?token=T}, as
 * Jupyter accepts it. The server's own token belongs to the server's owner; other tokens to users added with
 * {@code quire user add}. A missing or unknown token is answered 403 with a JSON error. The caller's workspaces
 * (the owner's: everything) are read with the token and kept on the request for {@link WorkspaceGuard}.
 */
public final class TokenAuth implements Handler<RoutingContext> {

    private static final String USER = "quire.user";
    private static final String WORKSPACES = "quire.workspaces";

    private final Vertx vertx;
    private final byte[] serverToken;
    private final String owner;
    private final Users users;

    public TokenAuth(Vertx vertx, String serverToken, String owner, Users users) {
        this.vertx = vertx;
        this.serverToken = serverToken.getBytes(StandardCharsets.UTF_8);
        this.owner = owner;
        this.users = users;
    }

    /** The authenticated user of a request that passed this handler. */
    public static String user(RoutingContext context) {
        return context.get(USER);
    }

    /** The workspaces the authenticated user of a request is limited to. */
    public static Workspaces workspaces(RoutingContext context) {
        Workspaces workspaces = context.get(WORKSPACES);
        return workspaces == null ? Workspaces.EVERYWHERE : workspaces;
    }

    @Override
    public void handle(RoutingContext context) {
        String token = token(context);
        if (token == null || token.isEmpty()) {
            HttpErrors.send(context, 403, "a token is required: send 'Authorization: token <token>' or ?token=<token>");
            return;
        }
        if (MessageDigest.isEqual(serverToken, token.getBytes(StandardCharsets.UTF_8))) {
            context.put(USER, owner);
            context.put(WORKSPACES, Workspaces.EVERYWHERE);
            context.next();
            return;
        }
        // The users table is JDBC: look it up off the event loop. Meanwhile the body must wait unread for the
        // BodyHandler that follows (which resumes the request), or it would arrive before anyone listens.
        context.request().pause();
        vertx.executeBlocking(() -> users.byToken(token)).onComplete(result -> {
            if (result.succeeded() && result.result().isPresent()) {
                User user = result.result().get();
                context.put(USER, user.name());
                context.put(WORKSPACES, user.workspaces());
                context.next();
            } else if (result.failed()) {
                context.fail(result.cause());
            } else {
                HttpErrors.send(context, 403, "the token is not valid: ask for one with `quire user add NAME`");
            }
        });
    }

    private static String token(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        if (header != null) {
            String[] parts = header.trim().split("\\s+", 2);
            if (parts.length == 2 && (parts[0].equalsIgnoreCase("token") || parts[0].equalsIgnoreCase("bearer"))) {
                return parts[1];
            }
        }
        return context.request().getParam("token");
    }
}
