package io.quire.gateway.http.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.serialization.QuireJson;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * A run's events as Server-Sent Events, one frame each:
 * <pre>
 * id: 3
 * event: RunCellStarted
 * data: {"sequence":3,"at":"2024-05-01T12:00:00.123Z","runId":"...","cellId":"c1","index":1}
 * </pre>
 * {@code id} is the event's sequence number on the run, so a client that reconnects with {@code Last-Event-ID}
 * resumes after it; {@code data} is the event's recorded fields on one line, durations in seconds.
 */
final class RunEventFrames {

    /** Quire's stored form of events, except that durations are numbers of seconds, as everywhere in the API. */
    private static final ObjectMapper JSON = QuireJson.newObjectMapper()
            .enable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    private RunEventFrames() {
    }

    static String frame(DomainEventMessage<?> event) {
        ObjectNode data = JSON.createObjectNode()
                .put("sequence", event.getSequenceNumber())
                .put("at", event.getTimestamp().toString());
        data.setAll((ObjectNode) JSON.valueToTree(event.getPayload()));
        // compact JSON never holds a line break (they are escaped in strings): one data line is the whole event
        return "id: " + event.getSequenceNumber() + "\nevent: " + event.getPayloadType().getSimpleName()
                + "\ndata: " + data + "\n\n";
    }

    /** A comment line, which clients ignore: keeps proxies from closing a stream that is quiet for a while. */
    static String keepAlive() {
        return ": keep-alive\n\n";
    }
}
