package io.quire.domain.store;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.callbacks.LoggingCallback;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import static org.axonframework.commandhandling.GenericCommandResultMessage.asCommandResultMessage;

/**
 * A command bus that commits commands waiting for the same aggregate together: one database transaction (and one
 * aggregate lock, one load from the cache) for all the commands queued for that aggregate while the previous group
 * was being handled. Each command is still handled on its own, in a unit of work nested in the group's, and each
 * caller hears of its command only once the group has committed.
 *
 * <p>Why: commands on one aggregate are handled one after the other under its lock, so a commit per command caps a
 * busy notebook at one commit's time per edit (on H2 a new chunk of pages per commit, on PostgreSQL an fsync).
 *
 * <p>A rejected command must not sink its neighbours: when any command of a group fails, or the group's commit
 * does, the whole group is rolled back and its commands are handled again one at a time, each in its own
 * transaction, so each gets the answer it would have had alone. Nothing of a rolled-back group was visible.
 *
 * <p>Commands are grouped by the key {@code aggregateOf} gives (the target aggregate's id); commands without one,
 * and commands dispatched inside a unit of work (from a handler, or a caller's own batch), go straight to the
 * delegate. Threads: the dispatching thread handles its own group when no group of that aggregate is under way,
 * then hands whatever queued meanwhile to {@code executor}; other callers return at once and are answered on the
 * thread that handled their group.
 */
public final class GroupCommitCommandBus implements CommandBus {

    /** At most this many commands share a transaction, so one group cannot hold the aggregate for long. */
    static final int MAX_GROUP = 256;

    private final CommandBus delegate;
    private final TransactionManager transactionManager;
    private final Function<CommandMessage<?>, String> aggregateOf;
    private final Executor executor;
    /** Commands waiting, per aggregate; an aggregate is in this map while some thread is handling its groups. */
    private final Map<String, ArrayDeque<Waiting>> waiting = new HashMap<>();

    /**
     * @param delegate           handles each command: a bus that handles it on the dispatching thread, nesting its
     *                           unit of work in the current one and joining the current transaction
     *                           ({@code SimpleCommandBus} with a transaction manager does)
     * @param transactionManager starts a group's transaction
     * @param aggregateOf        the aggregate a command targets, or null for a command not to group
     * @param executor           runs the groups that queued while the dispatching thread handled its own
     */
    public GroupCommitCommandBus(CommandBus delegate, TransactionManager transactionManager,
                                 Function<CommandMessage<?>, String> aggregateOf, Executor executor) {
        this.delegate = delegate;
        this.transactionManager = transactionManager;
        this.aggregateOf = aggregateOf;
        this.executor = executor;
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        dispatch(command, LoggingCallback.INSTANCE);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        String aggregate = CurrentUnitOfWork.isStarted() ? null : aggregateOf.apply(command);
        if (aggregate == null) {
            delegate.dispatch(command, callback);
            return;
        }
        boolean handleHere;
        synchronized (waiting) {
            handleHere = !waiting.containsKey(aggregate);
            waiting.computeIfAbsent(aggregate, id -> new ArrayDeque<>())
                   .add(new Waiting(command, (CommandCallback<Object, Object>) callback));
        }
        if (handleHere && handleNextGroup(aggregate)) {
            try {
                executor.execute(() -> handleAll(aggregate));
            } catch (RejectedExecutionException shuttingDown) {
                handleAll(aggregate);
            }
        }
    }

    private void handleAll(String aggregate) {
        while (handleNextGroup(aggregate)) {
            // until nothing waits
        }
    }

    /** Handles one command in its own unit of work; whatever goes wrong is its caller's answer, never thrown. */
    private void handleAlone(Waiting command) {
        try {
            delegate.dispatch(command.message, command.callback);
        } catch (RuntimeException | Error e) {
            command.callback.onResult(command.message, asCommandResultMessage(e));
        }
    }

    /** Handles the commands waiting for the aggregate, if any; false when none was waiting (it is released). */
    private boolean handleNextGroup(String aggregate) {
        List<Waiting> group = new ArrayList<>();
        synchronized (waiting) {
            ArrayDeque<Waiting> queue = waiting.get(aggregate);
            while (!queue.isEmpty() && group.size() < MAX_GROUP) {
                group.add(queue.poll());
            }
            if (group.isEmpty()) {
                waiting.remove(aggregate);
                return false;
            }
        }
        if (group.size() == 1 || !handleTogether(group)) {
            group.forEach(this::handleAlone);
        }
        return true;
    }

    /** Handles the group in one transaction and answers its callers; false, with nothing kept, when any failed. */
    @SuppressWarnings("unchecked")
    private boolean handleTogether(List<Waiting> group) {
        List<CommandResultMessage<?>> results = new ArrayList<>(group.size());
        DefaultUnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        try {
            unit.attachTransaction(transactionManager);
            for (Waiting command : group) {
                int before = results.size();
                delegate.dispatch(command.message, (message, result) -> results.add(result));
                if (results.size() != before + 1 || results.get(before).isExceptional()) {
                    unit.rollback();
                    return false;
                }
            }
            unit.commit();
        } catch (RuntimeException | Error e) {
            if (unit.isActive()) {
                unit.rollback(e);
            }
            return false;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).callback.onResult(group.get(i).message, (CommandResultMessage<Object>) results.get(i));
        }
        return true;
    }

    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        return delegate.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        return delegate.registerHandlerInterceptor(handlerInterceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return delegate.registerDispatchInterceptor(dispatchInterceptor);
    }

    /** A command and the caller to answer. */
    private record Waiting(CommandMessage<?> message, CommandCallback<Object, Object> callback) {
    }
}
