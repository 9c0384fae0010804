package io.quire.projections.versions;

import io.quire.domain.notebook.event.NotebookEvent;
import io.quire.projections.notebook.InlinedOutputs;
import io.quire.projections.notebook.NotebookDocument;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Optional;

/**
 * A notebook as it was at a past version, folded from its events. This is the auditor's path: it reads the
 * notebook's own stream up to that version, the same events that made the live view.
 */
public class NotebookHistory {

    private final EventStore eventStore;
    private final InlinedOutputs inlined;

    public NotebookHistory(EventStore eventStore, InlinedOutputs inlined) {
        this.eventStore = eventStore;
        this.inlined = inlined;
    }

    /** The notebook at {@code version} (an event sequence number), or empty if it has no such version. */
    public Optional<NotebookDocument> at(String notebookId, long version) {
        NotebookDocument document = new NotebookDocument(notebookId);
        DomainEventStream events = eventStore.readEvents(notebookId);
        while (events.hasNext() && events.peek().getSequenceNumber() <= version) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof NotebookEvent payload) {
                document.apply(inlined.of(payload), event.getSequenceNumber());
            }
        }
        return document.version() == version ? Optional.of(document) : Optional.empty();
    }
}
