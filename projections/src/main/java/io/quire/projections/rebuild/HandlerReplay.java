package io.quire.projections.rebuild;

import io.quire.domain.store.StoredEventReader.StoredEvent;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/**
 * Replays into a projection written with {@code @EventHandler} methods by calling those methods straight, as its
 * processor would, without the processor's per-event machinery (units of work, tokens, batches). For projections
 * that write as they go: the runs and schedules read models.
 */
public final class HandlerReplay implements BulkReplay {

    private final String group;
    private final AnnotationEventHandlerAdapter handlers;

    /** @param projection an instance of the projection class, writing to the same tables as the registered one */
    public HandlerReplay(String group, Object projection) {
        this.group = group;
        this.handlers = new AnnotationEventHandlerAdapter(projection);
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public boolean wants(Class<?> payloadType) {
        return handlers.canHandleType(payloadType);
    }

    @Override
    public void apply(StoredEvent event) {
        try {
            // The aggregate type is not read: no handler asks for it.
            handlers.handle(new GenericDomainEventMessage<>(null, event.aggregateId(), event.sequenceNumber(), event.payload(), MetaData.emptyInstance(),
                    event.eventId(), event.timestamp()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the " + group + " projection failed on event " + event.globalIndex()
                    + " (" + event.payload().getClass().getSimpleName() + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void flush(BackgroundWrites background) {
        // Its handlers wrote as they went.
    }
}
