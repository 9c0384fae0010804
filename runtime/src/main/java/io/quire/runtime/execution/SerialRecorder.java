package io.quire.runtime.execution;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Sends one execution's recording commands one after another, in the order they were given, off the caller's
 * thread. A command that fails is logged and the next ones still go: one unrecordable output must not lose the rest.
 */
public final class SerialRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(SerialRecorder.class);

    private final CommandGateway commands;
    private final Executor executor;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    public SerialRecorder(CommandGateway commands, Executor executor) {
        this.commands = commands;
        this.executor = executor;
    }

    /**
     * Queues the command {@code command} makes; it is made on the recording executor, so work such as storing a
     * large output value stays off the caller's thread. A {@code null} command is nothing to send.
     */
    public synchronized CompletableFuture<Void> record(Supplier<Object> command) {
        tail = tail.thenRunAsync(() -> {
            try {
                Object made = command.get();
                if (made != null) {
                    commands.sendAndWait(made);
                }
            } catch (RuntimeException e) {
                LOG.error("could not record an execution step", e);
            }
        }, executor);
        return tail;
    }
}
