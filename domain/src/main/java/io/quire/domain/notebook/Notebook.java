package io.quire.domain.notebook;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.quire.domain.CommandRejectedException;
import io.quire.domain.notebook.command.*;
import io.quire.domain.notebook.event.*;
import io.quire.domain.notebook.text.TextOperation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A notebook: the one sequencer of every change to its cells. Command handlers check and decide (accept,
 * transform a stale edit, or reject with a reason); event-sourcing handlers only assign.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Notebook {

    private static final Set<String> OUTPUT_TYPES = Set.of("stream", "display_data", "execute_result", "error");
    private static final Pattern CELL_ID = Pattern.compile("^[a-zA-Z0-9-_]{1,64}$");

    @AggregateIdentifier
    private String notebookId;
    private String path;
    private boolean deleted;
    private final CellOrder order = new CellOrder();
    private final Map<String, CellType> types = new HashMap<>();
    private final Map<String, CellText> texts = new HashMap<>();
    private final Set<String> versionNames = new HashSet<>();
    private final Map<String, Execution> running = new HashMap<>();

    protected Notebook() {
        // for Axon and snapshots
    }

    @CommandHandler
    public Notebook(CreateNotebook command) {
        requireUser(command.user());
        if (command.kernelspec() == null || command.kernelspec().name() == null) {
            throw CommandRejectedException.invalid("a kernel is required, e.g. 'python3'");
        }
        apply(new NotebookCreated(command.notebookId(), NotebookPath.check(command.path()), command.kernelspec(),
                command.user()));
    }

    @CommandHandler
    public Notebook(ImportNotebook command) {
        requireUser(command.user());
        Set<String> seen = new HashSet<>();
        for (Cell cell : command.content().cells()) {
            requireCellIdSyntax(cell.id());
            if (!seen.add(cell.id())) {
                throw CommandRejectedException.invalid("two cells share the id '" + cell.id() + "': cell ids must be unique");
            }
        }
        apply(new NotebookImported(command.notebookId(), NotebookPath.check(command.path()), command.content(),
                command.user()));
    }

    @CommandHandler
    public void handle(RenameNotebook command) {
        requireOpen(command.user());
        String newPath = NotebookPath.check(command.newPath());
        if (!newPath.equals(path)) {
            apply(new NotebookRenamed(notebookId, path, newPath, command.user()));
        }
    }

    @CommandHandler
    public void handle(DeleteNotebook command) {
        requireOpen(command.user());
        apply(new NotebookDeleted(notebookId, path, command.user()));
    }

    @CommandHandler
    public void handle(RestoreNotebook command) {
        requireUser(command.user());
        if (!deleted) {
            throw CommandRejectedException.conflict("notebook " + path + " is not deleted");
        }
        String restoredPath = command.path() == null ? path : NotebookPath.check(command.path());
        apply(new NotebookRestored(notebookId, restoredPath, command.user()));
    }

    @CommandHandler
    public void handle(InsertCell command) {
        requireOpen(command.user());
        requireCellIdSyntax(command.cellId());
        if (order.isKnown(command.cellId())) {
            throw CommandRejectedException.conflict("the id '" + command.cellId() + "' is already used by a cell of "
                    + path + ": choose another id");
        }
        if (command.type() == null) {
            throw CommandRejectedException.invalid("a cell type is required: code, markdown or raw");
        }
        String anchor = resolveAnchor(command.afterCellId());
        String source = command.source() == null ? "" : command.source();
        apply(new CellInserted(notebookId, command.cellId(), anchor, command.type(), source, command.user()));
    }

    @CommandHandler
    public void handle(DeleteCell command) {
        requireOpen(command.user());
        if (order.wasDeleted(command.cellId())) {
            return; // someone deleted it first: the result the user wanted already holds
        }
        requireLiveCell(command.cellId());
        apply(new CellDeleted(notebookId, command.cellId(), command.user()));
    }

    @CommandHandler
    public void handle(MoveCell command) {
        requireOpen(command.user());
        requireLiveCell(command.cellId());
        String anchor = resolveAnchor(command.afterCellId());
        if (command.cellId().equals(command.afterCellId())) {
            throw CommandRejectedException.invalid("cannot move cell " + command.cellId() + " after itself");
        }
        if (!command.cellId().equals(anchor)) {
            apply(new CellMoved(notebookId, command.cellId(), anchor, command.user()));
        }
    }

    @CommandHandler
    public void handle(EditCellSource command) {
        requireOpen(command.user());
        requireLiveCell(command.cellId());
        if (command.operation() == null) {
            throw CommandRejectedException.invalid("an edit needs an operation, e.g. [5, \"text\", -2]");
        }
        CellText text = texts.get(command.cellId());
        TextOperation rebased = text.rebase(command.cellId(), command.baseRevision(), command.operation());
        if (!rebased.isNoop()) {
            apply(new CellSourceEdited(notebookId, command.cellId(), text.revision() + 1, rebased, command.user()));
        }
    }

    @CommandHandler
    public void handle(ChangeCellType command) {
        requireOpen(command.user());
        requireLiveCell(command.cellId());
        if (command.type() == null) {
            throw CommandRejectedException.invalid("a cell type is required: code, markdown or raw");
        }
        if (types.get(command.cellId()) != command.type()) {
            apply(new CellTypeChanged(notebookId, command.cellId(), command.type(), command.user()));
        }
    }

    @CommandHandler
    public void handle(SetCellMetadata command) {
        requireOpen(command.user());
        requireLiveCell(command.cellId());
        if (command.metadata() == null) {
            throw CommandRejectedException.invalid("cell metadata must be a JSON object");
        }
        apply(new CellMetadataSet(notebookId, command.cellId(), command.metadata(), command.user()));
    }

    @CommandHandler
    public void handle(SetCellTags command) {
        requireOpen(command.user());
        requireLiveCell(command.cellId());
        List<String> tags = command.tags() == null ? List.of() : command.tags();
        for (String tag : tags) {
            if (tag == null || tag.isBlank() || tag.contains(",")) {
                throw CommandRejectedException.invalid("'" + tag + "' is not a tag: tags are non-empty and have no commas");
            }
        }
        if (new HashSet<>(tags).size() != tags.size()) {
            throw CommandRejectedException.invalid("tags " + tags + " repeat a tag");
        }
        apply(new CellTagsSet(notebookId, command.cellId(), List.copyOf(tags), command.user()));
    }

    @CommandHandler
    public void handle(SetCellOutputs command) {
        requireOpen(command.user());
        requireLiveCell(command.cellId());
        if (types.get(command.cellId()) != CellType.CODE) {
            throw CommandRejectedException.invalid("cell " + command.cellId() + " is "
                    + types.get(command.cellId()).nbformatName() + ": only code cells have outputs");
        }
        List<com.fasterxml.jackson.databind.JsonNode> outputs = command.outputs() == null ? List.of() : command.outputs();
        for (var output : outputs) {
            if (output == null || !OUTPUT_TYPES.contains(output.path("output_type").asText())) {
                throw CommandRejectedException.invalid("an output needs output_type stream, display_data,"
                        + " execute_result or error");
            }
        }
        apply(new CellOutputsSet(notebookId, command.cellId(), List.copyOf(outputs), command.executionCount(),
                command.user()));
    }

    @CommandHandler
    public void handle(SetCellAttachments command) {
        requireOpen(command.user());
        requireLiveCell(command.cellId());
        if (types.get(command.cellId()) == CellType.CODE) {
            throw CommandRejectedException.invalid("cell " + command.cellId() + " is code: only markdown and raw cells"
                    + " have attachments");
        }
        apply(new CellAttachmentsSet(notebookId, command.cellId(), command.attachments(), command.user()));
    }

    @CommandHandler
    public void handle(SetNotebookMetadata command) {
        requireOpen(command.user());
        if (command.metadata() == null) {
            throw CommandRejectedException.invalid("notebook metadata must be a JSON object");
        }
        apply(new NotebookMetadataSet(notebookId, command.metadata(), command.user()));
    }

    @CommandHandler
    public void handle(ClearOutputs command) {
        requireOpen(command.user());
        List<String> cellIds = command.cellIds() == null || command.cellIds().isEmpty()
                ? order.liveCells().stream().filter(id -> types.get(id) == CellType.CODE).toList()
                : command.cellIds();
        for (String cellId : cellIds) {
            requireLiveCell(cellId);
            if (types.get(cellId) != CellType.CODE) {
                throw CommandRejectedException.invalid("cell " + cellId + " is " + types.get(cellId).nbformatName()
                        + ": only code cells have outputs");
            }
        }
        apply(new OutputsCleared(notebookId, List.copyOf(cellIds), command.user()));
    }

    @CommandHandler
    public void handle(NameVersion command) {
        requireOpen(command.user());
        if (command.name() == null || command.name().isBlank()) {
            throw CommandRejectedException.invalid("a version name is required");
        }
        if (versionNames.contains(command.name())) {
            throw CommandRejectedException.conflict("a version of " + path + " is already named '" + command.name()
                    + "': choose another name");
        }
        // A version is the sequence number of the notebook's latest event.
        apply(new VersionNamed(notebookId, command.name(), getVersion(), command.user()));
    }

    // ---- executions: what the kernel did, recorded as it happened ----

    /** @return the code to run: the cell's source as recorded in the event */
    @CommandHandler
    public String handle(RequestExecution command) {
        requireOpen(command.user());
        requireLiveCell(command.cellId());
        if (types.get(command.cellId()) != CellType.CODE) {
            throw CommandRejectedException.invalid("cell " + command.cellId() + " is "
                    + types.get(command.cellId()).nbformatName() + ": only code cells run");
        }
        if (command.executionId() == null || running.containsKey(command.executionId())) {
            throw CommandRejectedException.conflict("execution id " + command.executionId() + " is missing or in use");
        }
        String code = command.code() != null ? command.code() : texts.get(command.cellId()).source();
        apply(new ExecutionRequested(notebookId, command.executionId(), command.cellId(), code, command.user()));
        return code;
    }

    @CommandHandler
    public void handle(RecordExecutionStart command) {
        Execution execution = requireRunning(command.executionId());
        apply(new ExecutionStarted(notebookId, command.executionId(), execution.cellId(), command.executionCount(),
                execution.user()));
    }

    @CommandHandler
    public void handle(RecordOutput command) {
        Execution execution = requireRunning(command.executionId());
        String type = command.output() == null ? null : command.output().path("output_type").asText(null);
        if (type == null || !OUTPUT_TYPES.contains(type)) {
            throw CommandRejectedException.invalid("an output needs output_type stream, display_data, execute_result"
                    + " or error, not " + type);
        }
        apply(new OutputProduced(notebookId, command.executionId(), execution.cellId(), command.output(),
                command.displayId(), execution.user()));
    }

    @CommandHandler
    public void handle(RecordDisplayUpdate command) {
        Execution execution = requireRunning(command.executionId());
        if (command.displayId() == null || command.output() == null) {
            throw CommandRejectedException.invalid("a display update needs a display id and an output");
        }
        apply(new DisplayUpdated(notebookId, command.executionId(), command.displayId(), command.output(),
                execution.user()));
    }

    @CommandHandler
    public void handle(RecordOutputClear command) {
        Execution execution = requireRunning(command.executionId());
        apply(new OutputCleared(notebookId, command.executionId(), execution.cellId(), command.waitForNext(),
                execution.user()));
    }

    @CommandHandler
    public void handle(RecordExecutionEnd command) {
        Execution execution = requireRunning(command.executionId());
        if (command.outcome() == null) {
            throw CommandRejectedException.invalid("an execution ends ok, error, interrupted, aborted or kernel_died");
        }
        apply(new ExecutionEnded(notebookId, command.executionId(), execution.cellId(), command.outcome(),
                command.executionCount(), command.detail(), execution.user()));
    }

    // ---- event sourcing: assign only ----

    @EventSourcingHandler
    void on(NotebookCreated event) {
        notebookId = event.notebookId();
        path = event.path();
    }

    @EventSourcingHandler
    void on(NotebookImported event) {
        notebookId = event.notebookId();
        path = event.path();
        String previous = null;
        for (Cell cell : event.content().cells()) {
            order.insertAfter(previous, cell.id());
            types.put(cell.id(), cell.type());
            texts.put(cell.id(), new CellText(cell.source()));
            previous = cell.id();
        }
    }

    @EventSourcingHandler
    void on(NotebookRenamed event) {
        path = event.newPath();
    }

    @EventSourcingHandler
    void on(NotebookDeleted event) {
        deleted = true;
    }

    @EventSourcingHandler
    void on(NotebookRestored event) {
        deleted = false;
        path = event.path();
    }

    @EventSourcingHandler
    void on(CellInserted event) {
        order.insertAfter(event.afterCellId(), event.cellId());
        types.put(event.cellId(), event.type());
        texts.put(event.cellId(), new CellText(event.source()));
    }

    @EventSourcingHandler
    void on(CellDeleted event) {
        order.remove(event.cellId());
        types.remove(event.cellId());
        texts.remove(event.cellId());
    }

    @EventSourcingHandler
    void on(CellMoved event) {
        order.move(event.cellId(), event.afterCellId());
    }

    @EventSourcingHandler
    void on(CellSourceEdited event) {
        texts.get(event.cellId()).accept(event.revision(), event.operation());
    }

    @EventSourcingHandler
    void on(CellTypeChanged event) {
        types.put(event.cellId(), event.type());
    }

    @EventSourcingHandler
    void on(VersionNamed event) {
        versionNames.add(event.name());
    }

    @EventSourcingHandler
    void on(ExecutionRequested event) {
        running.put(event.executionId(), new Execution(event.cellId(), event.user()));
    }

    @EventSourcingHandler
    void on(ExecutionEnded event) {
        running.remove(event.executionId());
    }

    // ---- checks ----

    /** Outputs of a deleted cell or notebook are still recorded: the history must say what the kernel did. */
    private Execution requireRunning(String executionId) {
        Execution execution = running.get(executionId);
        if (execution == null) {
            throw CommandRejectedException.notFound("notebook " + path + " has no running execution " + executionId);
        }
        return execution;
    }

    private void requireOpen(String user) {
        requireUser(user);
        if (deleted) {
            throw CommandRejectedException.conflict("notebook " + path + " was deleted: restore it first");
        }
    }

    private static void requireUser(String user) {
        if (user == null || user.isBlank()) {
            throw CommandRejectedException.invalid("every change must name the user who makes it");
        }
    }

    private static void requireCellIdSyntax(String cellId) {
        if (cellId == null || !CELL_ID.matcher(cellId).matches()) {
            throw CommandRejectedException.invalid("'" + cellId + "' is not a valid cell id: use 1 to 64 letters, digits,"
                    + " '-' or '_'");
        }
    }

    private void requireLiveCell(String cellId) {
        if (order.wasDeleted(cellId)) {
            throw CommandRejectedException.conflict("cell " + cellId + " of " + path
                    + " was deleted: the change was not applied");
        }
        if (!order.isLive(cellId)) {
            throw CommandRejectedException.notFound("notebook " + path + " has no cell " + cellId);
        }
    }

    private String resolveAnchor(String afterCellId) {
        if (afterCellId != null && !order.isKnown(afterCellId)) {
            throw CommandRejectedException.notFound("notebook " + path + " has no cell " + afterCellId
                    + " to place the cell after");
        }
        return order.resolveAnchor(afterCellId);
    }
}
