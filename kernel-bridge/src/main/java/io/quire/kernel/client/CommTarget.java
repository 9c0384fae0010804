package io.quire.kernel.client;

import io.quire.kernel.message.CommMessage;

/**
 * Accepts comms the kernel opens towards the front end ({@code comm_open} on iopub) for one target name.
 * Called on the client's I/O thread.
 */
@FunctionalInterface
public interface CommTarget {

    /** The kernel opened {@code comm}; returns the listener for its later messages. */
    CommListener opened(Comm comm, CommMessage open);
}
