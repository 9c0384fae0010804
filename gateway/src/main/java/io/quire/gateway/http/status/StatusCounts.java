package io.quire.gateway.http.status;

/**
 * What a feature contributes to {@code /api/status}: its routes implement this when it serves kernels. The server
 * sums the counts of every feature that does.
 */
public interface StatusCounts {

    /** Kernels served (as listed by {@code /api/kernels}). */
    int kernels();

    /** WebSocket clients connected to those kernels. */
    int connections();
}
