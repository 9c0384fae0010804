package io.quire.gateway.execution;

import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.ExecutionOutcome;
import io.quire.gateway.Quire;
import io.quire.gateway.QuireSettings;
import io.quire.gateway.notebook.Notebooks;
import io.quire.kernel.client.ExecutionListener;
import io.quire.kernel.message.ExecuteReply;
import io.quire.kernel.message.ExecuteRequest;
import io.quire.kernel.message.ReplyStatus;
import io.quire.runtime.execution.CellRunner;
import io.quire.runtime.kernel.RunningKernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Quire's side: each notebook imported, its code cells run in order with {@link CellRunner} on one kernel (every
 * cell, whatever the one before it did, as {@code quire execute --allow-errors}), then exported. Like the reference,
 * it resets the kernel silently before each notebook, and skips code cells with nothing but white space, as nbclient
 * (and JupyterLab) do.
 */
final class QuireExecution implements AutoCloseable {

    private static final String USER = "differential";
    private static final long CELL_TIMEOUT_SECONDS = 60;

    private final Quire quire;
    private final Notebooks notebooks;
    private final RunningKernel kernel;
    private final String reset;
    private int imported;

    private QuireExecution(Quire quire, RunningKernel kernel, String reset) {
        this.quire = quire;
        this.notebooks = new Notebooks(quire);
        this.kernel = kernel;
        this.reset = reset;
    }

    static QuireExecution start(Path data) throws IOException {
        Quire quire = Quire.start(QuireSettings.embedded(data), false);
        try {
            RunningKernel kernel = quire.kernels().start(quire.kernelSpecs().find("python3").orElseThrow());
            return new QuireExecution(quire, kernel, Files.readString(NbclientReference.resource("reset_kernel.py")));
        } catch (RuntimeException | IOException e) {
            quire.close();
            throw e;
        }
    }

    /** Runs the notebook in {@code file} and returns it as Quire exports it. */
    byte[] run(Path file) throws Exception {
        String path = "differential/" + (imported++) + "-" + file.getFileName();
        String notebookId = notebooks.importNotebook(Files.readAllBytes(file), file.toString(), path, USER);
        resetKernel();
        CellRunner runner = quire.cellRunner();
        for (Cell cell : notebooks.content(path).cells()) {
            if (cell.type() == CellType.CODE && !cell.source().isBlank()) {
                CellRunner.Result result = runner.run(notebookId, cell.id(), USER, kernel)
                        .get(CELL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (result.outcome() == ExecutionOutcome.KERNEL_DIED) {
                    throw new IllegalStateException("the kernel died running cell " + cell.id() + ": "
                            + result.detail());
                }
            }
        }
        return notebooks.export(path);
    }

    private void resetKernel() throws Exception {
        ExecuteReply reply = kernel.client().execute(new ExecuteRequest(reset, true, false, Map.of(), false),
                ExecutionListener.IGNORE).get(CELL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (reply.status() != ReplyStatus.OK) {
            throw new IllegalStateException("the kernel reset failed: " + reply.ename() + ": " + reply.evalue());
        }
    }

    @Override
    public void close() {
        try {
            kernel.close();
        } finally {
            quire.close();
        }
    }
}
