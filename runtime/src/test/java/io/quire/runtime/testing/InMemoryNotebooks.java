package io.quire.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.domain.blob.OutputBlobs;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.Kernelspec;
import io.quire.domain.notebook.Notebook;
import io.quire.domain.notebook.command.CreateNotebook;
import io.quire.domain.notebook.command.InsertCell;
import io.quire.runtime.execution.CellRunner;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Notebook aggregates behind Axon's command gateway, with their events kept in memory: what a {@link CellRunner}
 * records into, and a way to read back what it recorded. Output values longer than {@link #LARGE_OUTPUT} characters
 * are kept out of the events, as Quire keeps them, in a blob store in memory.
 */
public final class InMemoryNotebooks implements AutoCloseable {

    /** Small, so that an image goes through the blob store. */
    public static final int LARGE_OUTPUT = 64;

    private final Configuration axon;
    private final OutputBlobs blobs = new OutputBlobs(new InMemoryBlobStore(), LARGE_OUTPUT);
    private final ExecutorService recording = Executors.newCachedThreadPool();
    private final Map<String, String> lastCell = new HashMap<>();

    public InMemoryNotebooks() {
        axon = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(Notebook.class)
                .buildConfiguration();
        axon.start();
    }

    public CommandGateway commands() {
        return axon.commandGateway();
    }

    /** A runner recording into these notebooks. */
    public CellRunner cellRunner() {
        return new CellRunner(commands(), recording, blobs);
    }

    /** A recorded output as it was before its large values were moved out of the event. */
    public JsonNode inline(JsonNode output) {
        return blobs.inline(output);
    }

    /** Creates an empty python3 notebook; returns its id. */
    public String create(String user) {
        String notebookId = UUID.randomUUID().toString();
        commands().sendAndWait(new CreateNotebook(notebookId, "tests/" + notebookId + ".ipynb",
                new Kernelspec("python3", "Python 3", "python"), user));
        return notebookId;
    }

    /** Appends a code cell with {@code source}; returns its id. */
    public synchronized String addCodeCell(String notebookId, String source, String user) {
        String cellId = "cell-" + UUID.randomUUID().toString().substring(0, 8);
        commands().sendAndWait(new InsertCell(notebookId, cellId, lastCell.get(notebookId), CellType.CODE, source,
                user));
        lastCell.put(notebookId, cellId);
        return cellId;
    }

    /** Every event of the notebook so far, oldest first. */
    public List<Object> events(String notebookId) {
        return axon.eventStore().readEvents(notebookId).asStream().map(Message::getPayload)
                .map(Object.class::cast).toList();
    }

    /** The notebook's events of one type, oldest first. */
    public <T> List<T> events(String notebookId, Class<T> type) {
        return events(notebookId).stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() {
        recording.shutdownNow();
        axon.shutdown();
    }
}
