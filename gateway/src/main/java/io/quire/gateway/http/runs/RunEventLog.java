package io.quire.gateway.http.runs;

import io.quire.domain.run.event.RunCancelled;
import io.quire.domain.run.event.RunFailed;
import io.quire.domain.run.event.RunRequested;
import io.quire.domain.run.event.RunSucceeded;
import io.quire.gateway.http.HttpException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.ArrayList;
import java.util.List;

/** A run's events as the event store holds them, the run's exact history. Blocking: call it from a worker. */
final class RunEventLog {

    private final EventStore store;

    RunEventLog(EventStore store) {
        this.store = store;
    }

    /**
     * Every event recorded on run {@code runId} so far, in order.
     *
     * @throws HttpException 404 when there is no run with that id (or the id is another aggregate's)
     */
    List<DomainEventMessage<?>> read(String runId) {
        List<DomainEventMessage<?>> events = readFrom(runId, 0);
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof RunRequested)) {
            throw HttpException.notFound("no run " + runId + " (GET /quire/api/runs lists the runs)");
        }
        return events;
    }

    /** The events of run {@code runId} from sequence number {@code first} on; empty when there are none. */
    List<DomainEventMessage<?>> readFrom(String runId, long first) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        DomainEventStream stream = store.readEvents(runId, first);
        stream.forEachRemaining(events::add);
        return events;
    }

    /** Whether this event ends its run: nothing is recorded on a run after it. */
    static boolean isFinal(DomainEventMessage<?> event) {
        Object payload = event.getPayload();
        return payload instanceof RunSucceeded || payload instanceof RunFailed || payload instanceof RunCancelled;
    }
}
