package io.quire.kernel.wire;

/**
 * The five sockets of a Jupyter kernel, named as in the connection file, with the ZeroMQ socket type a client
 * uses for each (the kernel binds the opposite end: ROUTER, PUB, ROUTER, ROUTER, REP).
 */
public enum Channel {
    /** Requests and replies: execute, complete, inspect, history, comm_*. Client side: DEALER. */
    SHELL,
    /** Broadcast side effects: status, streams, display data, results, errors, comm traffic. Client side: SUB. */
    IOPUB,
    /** Kernel-initiated requests for input ({@code input_request}). Client side: DEALER. */
    STDIN,
    /** Like shell, on its own queue so it is not blocked by a running cell: interrupt, shutdown. Client: DEALER. */
    CONTROL,
    /** Raw echo of bytes, not Jupyter messages: a liveness probe. Client side: REQ. */
    HEARTBEAT
}
