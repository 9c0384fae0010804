package io.quire.domain.notebook.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.domain.CommandRejectedException;
import io.quire.domain.notebook.Notebook;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;

/**
 * The real aggregate behind a real (in-memory) Axon command bus, repository and event store: every command loads
 * the notebook from its events, as in production without a cache.
 */
final class InMemoryNotebookServer implements AutoCloseable {

    /** What became of a command: the events it appended, or why it was refused (then nothing was appended). */
    record Outcome(List<Object> events, CommandRejectedException rejection) {
        boolean accepted() {
            return rejection == null;
        }
    }

    private final Configuration config;
    private final ObjectMapper mapper = new ObjectMapper();

    InMemoryNotebookServer() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        config = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(Notebook.class)
                .buildConfiguration();
        config.start();
    }

    /** Sends {@code command} for {@code notebookId} and reports the events it appended. */
    Outcome send(String notebookId, Object command) {
        int before = events(notebookId, 0).size();
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
     * The state of the notebook as the repository loads it now, in the aggregate's own JSON form (the form a
     * snapshot would take): {@code order.live}, {@code types}, {@code texts.<id>.source} and {@code .revision}.
     */
    JsonNode loadedState(String notebookId) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return config.repository(Notebook.class).load(notebookId).invoke(notebook -> (JsonNode) mapper.valueToTree(notebook));
        } finally {
            unitOfWork.rollback();
        }
    }

    @Override
    public void close() {
        config.shutdown();
    }
}
