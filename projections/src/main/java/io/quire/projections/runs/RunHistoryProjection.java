package io.quire.projections.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.domain.run.RunFailure;
import io.quire.domain.run.RunStatus;
import io.quire.domain.run.event.RunCancelled;
import io.quire.domain.run.event.RunCellEnded;
import io.quire.domain.run.event.RunFailed;
import io.quire.domain.run.event.RunRequested;
import io.quire.domain.run.event.RunStarted;
import io.quire.domain.run.event.RunSucceeded;
import io.quire.projections.jdbc.ProjectionStorageException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;

/** Keeps {@link RunHistory} current from the runs' events. */
@ProcessingGroup(RunProjections.GROUP)
public class RunHistoryProjection {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunHistory history;

    public RunHistoryProjection(RunHistory history) {
        this.history = history;
    }

    @EventHandler
    void on(RunRequested event, @Timestamp Instant at) {
        history.requested(event.runId(), event.source().notebookId(), event.source().version(), event.scheduleId(),
                event.source().describe(), event.trigger().name(), event.user(), at, event.retryOf(),
                event.parameters() == null ? "{}" : event.parameters().toString(), json(event.secretNames()));
    }

    @EventHandler
    void on(RunStarted event, @Timestamp Instant at) {
        history.started(event.runId(), event.kernelName(), event.cellCount(), at);
    }

    @EventHandler
    void on(RunCellEnded event) {
        history.cellEnded(event.runId());
    }

    @EventHandler
    void on(RunSucceeded event, @Timestamp Instant at) {
        history.ended(event.runId(), RunStatus.SUCCEEDED, at, event.outputLocation(), event.note());
    }

    @EventHandler
    void on(RunFailed event, @Timestamp Instant at) {
        RunFailure failure = event.failure();
        history.failed(event.runId(), failure.cellId(), failure.cellIndex(), failure.executionCount(),
                failure.kind().name(), failure.message());
        history.ended(event.runId(), RunStatus.FAILED, at, event.outputLocation(), null);
    }

    @EventHandler
    void on(RunCancelled event, @Timestamp Instant at) {
        history.ended(event.runId(), RunStatus.CANCELLED, at, event.outputLocation(), event.reason());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new ProjectionStorageException("cannot write " + value + " as JSON", e);
        }
    }
}
