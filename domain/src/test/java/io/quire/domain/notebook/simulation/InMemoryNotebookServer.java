package io.quire.domain.notebook.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.domain.CommandRejectedException;
import io.quire.domain.notebook.Notebook;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real aggregate behind a real (in-memory) Axon command bus, event-sourcing repository and event store. The
 * repository caches the aggregate between commands (a run would otherwise replay its whole stream for every
 * command); {@link #reload()} drops the cache so that the next command works on a notebook freshly replayed from
 * its events, as after a restart.
 */
final class InMemoryNotebookServer implements AutoCloseable {

    /** What became of a command: the events it appended, or why it was refused (then nothing was appended). */
    record Outcome(List<Object> events, CommandRejectedException rejection) {
        boolean accepted() {
            return rejection == null;
        }
    }

    private final Configuration config;
    private final Cache cache = new WeakReferenceCache();
    private final Map<String, Integer> eventCounts = new HashMap<>();
    private final ObjectMapper mapper = new ObjectMapper();

    InMemoryNotebookServer() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        config = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Notebook.class).configureCache(c -> cache))
                .buildConfiguration();
        config.start();
    }

    /** Forgets every loaded aggregate: the next command replays the notebook from its events. */
    void reload() {
        cache.removeAll();
    }

    /** Sends {@code command} for {@code notebookId} and reports the events it appended. */
    Outcome send(String notebookId, Object command) {
        int before = eventCounts.getOrDefault(notebookId, 0);
        Outcome outcome = handle(notebookId, command, before);
        eventCounts.put(notebookId, before + outcome.events().size());
        return outcome;
    }

    private Outcome handle(String notebookId, Object command, int before) {
        try {
            config.commandGateway().sendAndWait(command);
        } catch (RuntimeException failure) {
            CommandRejectedException rejection = rejectionIn(failure);
            List<Object> appended = events(notebookId, before);
            if (!appended.isEmpty()) {
                throw new AssertionError("the rejected " + command + " still appended " + appended, rejection);
            }
            return new Outcome(List.of(), rejection);
        }
        return new Outcome(events(notebookId, before), null);
    }

    /** The domain's refusal behind {@code failure}; anything else (a bug, a crash) is rethrown. */
    private static CommandRejectedException rejectionIn(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CommandRejectedException rejection) {
                return rejection;
            }
        }
        throw failure;
    }

    /** The payloads of the notebook's events from sequence number {@code from} on. */
    List<Object> events(String notebookId, long from) {
        return config.eventStore().readEvents(notebookId, from).asStream().map(Message::getPayload)
                .map(Object.class::cast).toList();
    }

    /**
     * The state of the notebook as the repository loads it, freshly replayed from its events, in the aggregate's
     * own JSON form (the form a snapshot would take): {@code order.live}, {@code types}, {@code texts.<id>.source}
     * and {@code texts.<id>.revision}.
     */
    JsonNode loadedState(String notebookId) {
        reload();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return config.repository(Notebook.class).load(notebookId)
                    .invoke(notebook -> (JsonNode) mapper.valueToTree(notebook));
        } finally {
            unitOfWork.rollback();
        }
    }

    /** {@code state} read back into a notebook and written again, as a JSON snapshot of the aggregate would be. */
    JsonNode throughSnapshot(JsonNode state) {
        try {
            return mapper.valueToTree(mapper.treeToValue(state, Notebook.class));
        } catch (JsonProcessingException e) {
            throw new AssertionError("the aggregate does not read back from its own JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        config.shutdown();
    }
}
