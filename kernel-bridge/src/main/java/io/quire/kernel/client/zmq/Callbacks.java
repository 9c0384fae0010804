package io.quire.kernel.client.zmq;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls user code from the I/O thread so that a throwing callback cannot kill the thread every request shares. */
final class Callbacks {

    private static final Logger log = LoggerFactory.getLogger(Callbacks.class);

    private Callbacks() {
    }

    /** Runs {@code callback}; logs (with its stack trace) and swallows what it throws. */
    static void run(String what, Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.error("A {} threw; the kernel client carries on", what, e);
        }
    }

    /** Calls {@code callback}; a throw or a {@code null} stage becomes a failed future. */
    static <T> CompletableFuture<T> stage(String what, Supplier<? extends CompletionStage<T>> callback) {
        try {
            CompletionStage<T> stage = callback.get();
            return stage == null
                    ? CompletableFuture.failedFuture(new IllegalStateException(what + " returned null"))
                    : stage.toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
