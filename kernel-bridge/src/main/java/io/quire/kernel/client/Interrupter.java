package io.quire.kernel.client;

import java.util.concurrent.CompletionStage;

/**
 * Interrupts a signal-mode kernel (sends SIGINT to its process). The client does not own kernel processes, so
 * whoever started the kernel (a local process launcher, a Kubernetes pod exec) supplies this.
 */
@FunctionalInterface
public interface Interrupter {

    /** Sends the interrupt; called on the thread that called {@link KernelClient#interrupt()}. */
    CompletionStage<Void> interrupt();
}
