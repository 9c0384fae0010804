package io.quire.kernel.client.zmq;

import io.quire.kernel.wire.Message;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a kernel to be usable, as jupyter_client's {@code wait_for_ready} does: sends kernel_info requests
 * that complete on reply plus iopub idle, one more every {@code retry} until one completes. A reply alone is not
 * enough: a SUB socket's subscription reaches the kernel asynchronously, and outputs published before it arrives
 * are lost. Retries are scheduled on the JDK's shared delay scheduler, not a thread of our own.
 */
final class ReadinessProbe {

    /** How attempts are made: send a kernel_info request completing {@code result}; forget an attempt's id. */
    interface Attempts {
        String send(CompletableFuture<Message> result);

        void forget(String msgId);
    }

    private final Attempts attempts;
    private final Duration retry;
    private final CompletableFuture<Message> ready = new CompletableFuture<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();

    private ReadinessProbe(Attempts attempts, Duration retry) {
        this.attempts = attempts;
        this.retry = retry;
    }

    /** Completes with the first kernel_info_reply that was followed by its idle status; fails after timeout. */
    static CompletableFuture<Message> run(Attempts attempts, Duration timeout, Duration retry) {
        ReadinessProbe probe = new ReadinessProbe(attempts, retry);
        probe.ready.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((reply, failure) -> probe.sent.forEach(attempts::forget));
        probe.attempt();
        return probe.ready;
    }

    private void attempt() {
        if (ready.isDone()) {
            return;
        }
        CompletableFuture<Message> result = new CompletableFuture<>();
        result.whenComplete((reply, failure) -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (failure == null) {
                ready.complete(reply);
            } else if (cause instanceof io.quire.kernel.client.KernelDiedException
                    || cause instanceof io.quire.kernel.client.ClientClosedException) {
                ready.completeExceptionally(cause); // dead or closed: retrying cannot help
            }
            // Anything else (e.g. ZeroMQ refusing a send while the kernel has not bound its ports yet on a loaded
            // machine) is transient: the next attempt, already scheduled, tries again until the timeout.
        });
        String msgId = attempts.send(result);
        sent.add(msgId);
        if (ready.isDone()) {
            attempts.forget(msgId); // completed while we were sending: the cleanup above may have missed it
            return;
        }
        CompletableFuture.delayedExecutor(retry.toMillis(), TimeUnit.MILLISECONDS).execute(this::attempt);
    }
}
