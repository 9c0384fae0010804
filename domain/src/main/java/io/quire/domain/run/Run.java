package io.quire.domain.run;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.quire.domain.CommandRejectedException;
import io.quire.domain.run.command.*;
import io.quire.domain.run.event.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One run of a notebook with parameters: requested, started on a kernel, cell by cell, until it succeeds, fails or
 * is cancelled. Once ended, nothing more is recorded on it: its history is as immutable as its output notebook.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Run {

    private static final Pattern RUN_ID = Pattern.compile("^[a-zA-Z0-9-_]{1,64}$");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

    @AggregateIdentifier
    private String runId;
    private RunStatus status;
    private boolean cancellationRequested;
    private final Set<String> startedCells = new HashSet<>();
    private final Set<String> endedCells = new HashSet<>();

    protected Run() {
        // for Axon
    }

    @CommandHandler
    public Run(RequestRun command) {
        if (command.user() == null || command.user().isBlank()) {
            throw CommandRejectedException.invalid("every run needs the user who asks for it");
        }
        if (command.runId() == null || !RUN_ID.matcher(command.runId()).matches()) {
            throw CommandRejectedException.invalid("a run id is 1 to 64 letters, digits, '-' or '_'");
        }
        checkSource(command.source());
        checkParameters(command);
        checkSettings(command.settings());
        if (command.trigger() == null) {
            throw CommandRejectedException.invalid("say what triggered the run: USER, API, SCHEDULE or RETRY");
        }
        if (command.trigger() == RunTrigger.SCHEDULE && command.scheduleId() == null) {
            throw CommandRejectedException.invalid("a scheduled run needs the id of its schedule");
        }
        if (command.trigger() == RunTrigger.RETRY && command.retryOf() == null) {
            throw CommandRejectedException.invalid("a retry needs the id of the run it retries");
        }
        apply(new RunRequested(command.runId(), command.source(), command.parameters(),
                command.secretNames() == null ? List.of() : List.copyOf(command.secretNames()),
                command.settings() == null ? RunSettings.defaults() : command.settings(), command.trigger(),
                command.scheduleId(), command.retryOf(), command.user()));
    }

    @CommandHandler
    public void handle(StartRun command) {
        requireNotEnded();
        if (status != RunStatus.REQUESTED) {
            throw CommandRejectedException.conflict("run " + runId + " has already started");
        }
        if (command.kernelId() == null || command.cellCount() < 0) {
            throw CommandRejectedException.invalid("a run starts on a kernel (its id) with a count of cells");
        }
        apply(new RunStarted(runId, command.kernelId(), command.kernelName(), command.cellCount()));
    }

    @CommandHandler
    public void handle(RecordRunCellStart command) {
        requireRunning();
        if (command.cellId() == null) {
            throw CommandRejectedException.invalid("say which cell started");
        }
        if (startedCells.contains(command.cellId())) {
            throw CommandRejectedException.conflict("cell " + command.cellId() + " of run " + runId + " has already started");
        }
        apply(new RunCellStarted(runId, command.cellId(), command.index()));
    }

    @CommandHandler
    public void handle(RecordRunOutput command) {
        requireCellRunning(command.cellId());
        if (command.output() == null || !command.output().isObject() || !command.output().has("output_type")) {
            throw CommandRejectedException.invalid("an output is an nbformat output object with an output_type");
        }
        apply(new RunOutputProduced(runId, command.cellId(), command.output()));
    }

    @CommandHandler
    public void handle(RecordRunOutputClear command) {
        requireCellRunning(command.cellId());
        apply(new RunOutputCleared(runId, command.cellId()));
    }

    @CommandHandler
    public void handle(RecordRunCellEnd command) {
        requireCellRunning(command.cellId());
        if (command.outcome() == null) {
            throw CommandRejectedException.invalid("say how the cell ended");
        }
        apply(new RunCellEnded(runId, command.cellId(), command.outcome(), command.executionCount(), command.detail()));
    }

    @CommandHandler
    public void handle(EndRun command) {
        requireNotEnded();
        if (command.failure() != null) {
            apply(new RunFailed(runId, command.failure(), command.outputLocation()));
        } else if (cancellationRequested) {
            apply(new RunCancelled(runId, command.note(), null, command.outputLocation()));
        } else {
            apply(new RunSucceeded(runId, command.outputLocation(), command.note()));
        }
    }

    @CommandHandler
    public void handle(CancelRun command) {
        if (command.user() == null || command.user().isBlank()) {
            throw CommandRejectedException.invalid("a cancellation needs the user who asks for it");
        }
        requireNotEnded();
        if (status == RunStatus.REQUESTED) {
            // Nothing runs yet: the run ends here, and a runner that picks it up later is refused.
            apply(new RunCancelled(runId, command.reason(), command.user(), null));
        } else if (!cancellationRequested) {
            apply(new RunCancellationRequested(runId, command.reason(), command.user()));
        }
    }

    @EventSourcingHandler
    void on(RunRequested event) {
        runId = event.runId();
        status = RunStatus.REQUESTED;
    }

    @EventSourcingHandler
    void on(RunStarted event) {
        status = RunStatus.RUNNING;
    }

    @EventSourcingHandler
    void on(RunCellStarted event) {
        startedCells.add(event.cellId());
    }

    @EventSourcingHandler
    void on(RunCellEnded event) {
        endedCells.add(event.cellId());
    }

    @EventSourcingHandler
    void on(RunCancellationRequested event) {
        cancellationRequested = true;
    }

    @EventSourcingHandler
    void on(RunSucceeded event) {
        ended(RunStatus.SUCCEEDED);
    }

    @EventSourcingHandler
    void on(RunFailed event) {
        ended(RunStatus.FAILED);
    }

    @EventSourcingHandler
    void on(RunCancelled event) {
        ended(RunStatus.CANCELLED);
    }

    private void ended(RunStatus end) {
        status = end;
        // An ended run refuses everything; the cells' bookkeeping is no longer needed.
        startedCells.clear();
        endedCells.clear();
    }

    private void requireNotEnded() {
        if (status.ended()) {
            throw CommandRejectedException.conflict("run " + runId + " has already ended (" + status.name().toLowerCase()
                    + "): an ended run never changes; start a new one, e.g. with --retry " + runId);
        }
    }

    private void requireRunning() {
        requireNotEnded();
        if (status != RunStatus.RUNNING) {
            throw CommandRejectedException.conflict("run " + runId + " has not started yet");
        }
    }

    private void requireCellRunning(String cellId) {
        requireRunning();
        if (!startedCells.contains(cellId)) {
            throw CommandRejectedException.conflict("cell " + cellId + " of run " + runId + " has not started");
        }
        if (endedCells.contains(cellId)) {
            throw CommandRejectedException.conflict("cell " + cellId + " of run " + runId + " has already ended");
        }
    }

    private static void checkSource(RunSource source) {
        if (source == null || source.location() == null || source.location().isBlank()) {
            throw CommandRejectedException.invalid("a run needs the notebook to run");
        }
        if (source.notebookId() != null && (source.version() == null || source.version() < 0)) {
            throw CommandRejectedException.invalid("a run of a Quire notebook is pinned to a version (0 or more)");
        }
    }

    private static void checkParameters(RequestRun command) {
        Set<String> names = new HashSet<>();
        if (command.parameters() != null) {
            for (Iterator<String> it = command.parameters().fieldNames(); it.hasNext(); ) {
                names.add(checkName(it.next()));
            }
        }
        if (command.secretNames() != null) {
            for (String secret : command.secretNames()) {
                if (!names.add(checkName(secret))) {
                    throw CommandRejectedException.invalid("parameter '" + secret + "' is given twice, or both as a"
                            + " secret and in the clear: give it once");
                }
            }
        }
    }

    private static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw CommandRejectedException.invalid("'" + name + "' is not a parameter name: use letters, digits and"
                    + " '_', not starting with a digit");
        }
        return name;
    }

    private static void checkSettings(RunSettings settings) {
        if (settings == null) {
            return;
        }
        requirePositive(settings.cellTimeout(), "cell timeout");
        requirePositive(settings.runTimeout(), "run timeout");
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            throw CommandRejectedException.invalid("the " + what + " must be positive, got " + duration);
        }
    }
}
