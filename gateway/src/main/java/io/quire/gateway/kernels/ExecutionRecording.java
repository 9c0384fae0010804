package io.quire.gateway.kernels;

import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.command.RequestExecution;
import io.quire.gateway.notebook.Notebooks;
import io.quire.kernel.wire.Json;
import io.quire.kernel.wire.Message;
import io.quire.runtime.execution.CellRunner;
import io.quire.runtime.execution.ExecutionRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Decides which relayed executions are recorded on a notebook, and on which cell.
 *
 * <p>An execute_request is recorded when it is not {@code silent}, its kernel belongs to a notebook session whose
 * path is a Quire notebook, and a code cell of that notebook can be named: first the cell id JupyterLab sends in
 * the request's {@code metadata.cellId}; failing that (a client that sends none, a cell not saved yet), the one code
 * cell whose source is exactly the code sent. The code recorded is the client's, the user the connection's.
 * Anything else is relayed to the kernel and not recorded.
 */
final class ExecutionRecording {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionRecording.class);

    private final Notebooks notebooks;
    private final CellRunner cellRunner;
    private volatile NotebookBinding binding = NotebookBinding.NONE;

    ExecutionRecording(Notebooks notebooks, CellRunner cellRunner) {
        this.notebooks = notebooks;
        this.cellRunner = cellRunner;
    }

    void bind(NotebookBinding binding) {
        this.binding = binding;
    }

    /** A new order of recording, for one kernel: its executions are recorded in the order they happen. */
    ExecutionRecorder.Sequence sequence() {
        return cellRunner.recordingSequence();
    }

    /**
     * Starts recording {@code request} if it is to be recorded; returns at once (the notebook and cell are looked
     * up on the recording executor). Event loop.
     *
     * @param order the kernel's order of recording (see {@link #sequence()})
     * @return where to hand the kernel's answers, or null when it will not be recorded
     */
    RecordedExecution begin(String kernelId, ExecutionRecorder.Sequence order, String user, Message request) {
        String code = Json.text(request.content(), "code", null);
        if (code == null || request.content().path("silent").asBoolean(false)) {
            return null;
        }
        Optional<String> path = binding.notebookPath(kernelId);
        if (path.isEmpty()) {
            return null;
        }
        String cellId = Json.text(request.metadata(), "cellId", null);
        ExecutionRecorder recorder = order.recorder(UUID.randomUUID().toString());
        Lookup lookup = new Lookup(path.get(), code);
        recorder.request(List.<Supplier<RequestExecution>>of(
                () -> cellId == null ? null : lookup.request(recorder.executionId(), cellId, user),
                () -> lookup.cellWithCode().map(cell -> lookup.request(recorder.executionId(), cell, user))
                        .orElse(null)))
                .thenAccept(recorded -> {
                    if (!recorded) {
                        LOG.debug("execution {} on kernel {} not recorded: no code cell of {} matches it",
                                request.msgId(), kernelId, path.get());
                    }
                });
        return new RecordedExecution(recorder);
    }

    /** Looks the notebook up once per execution, on the recording executor. */
    private final class Lookup {
        private final String path;
        private final String code;
        private String notebookId;

        Lookup(String path, String code) {
            this.path = path;
            this.code = code;
        }

        RequestExecution request(String executionId, String cellId, String user) {
            if (notebookId == null) {
                notebookId = notebooks.idOf(path); // not a Quire notebook: rejected, nothing is recorded
            }
            return new RequestExecution(notebookId, executionId, cellId, code, user);
        }

        Optional<String> cellWithCode() {
            List<Cell> matches = notebooks.content(path).cells().stream()
                    .filter(cell -> cell.type() == CellType.CODE && cell.source().equals(code))
                    .toList();
            return matches.size() == 1 ? Optional.of(matches.get(0).id()) : Optional.empty();
        }
    }
}
