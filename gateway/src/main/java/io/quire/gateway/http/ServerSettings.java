package io.quire.gateway.http;

/**
 * How the HTTP server listens.
 *
 * @param host         the address to bind, e.g. 127.0.0.1 (the default: only this machine)
 * @param port         the port; 0 picks a free one
 * @param token        the server's token (its owner's); never empty
 * @param owner        the user the server's token stands for
 * @param maxBodyBytes larger request bodies are refused with 413
 */
public record ServerSettings(String host, int port, String token, String owner, long maxBodyBytes) {

    /** The default body limit: 100 MiB, room for a notebook with many images. */
    public static final long DEFAULT_MAX_BODY_BYTES = 100L * 1024 * 1024;

    public ServerSettings {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("the server needs a token");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the port must be 0 to 65535, not " + port);
        }
    }
}
