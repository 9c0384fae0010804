package io.quire.kernel.client;

import io.quire.kernel.message.CommMessage;

/** Receives what the kernel's side of a comm sends. Called on the client's I/O thread: never block. */
@FunctionalInterface
public interface CommListener {

    /** A {@code comm_msg} from the kernel, with its buffers. */
    void onMessage(CommMessage message);

    /** The kernel closed the comm ({@code comm_close}); nothing more will arrive. */
    default void onClose(CommMessage message) {
    }
}
