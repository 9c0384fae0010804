package io.quire.kernel.client;

import io.quire.kernel.wire.Channel;
import io.quire.kernel.wire.Message;

/**
 * Sees every authentic message the client receives, on any channel, including iopub traffic caused by other
 * clients of the same kernel; for relaying a kernel to other front ends. Called on the client's I/O thread, after
 * the client's own routing (replies, outputs, comms) of that message: return quickly and never block.
 */
@FunctionalInterface
public interface KernelListener {

    /** A listener that ignores everything. */
    KernelListener NONE = (channel, message) -> { };

    /** A message that passed signature checks. Exceptions thrown here are logged and otherwise ignored. */
    void onMessage(Channel channel, Message message);
}
