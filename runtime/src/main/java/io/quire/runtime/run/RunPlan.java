package io.quire.runtime.run;

import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.NotebookContent;
import io.quire.domain.run.RunSettings;
import io.quire.kernel.spec.KernelSpec;
import io.quire.runtime.papermill.PapermillMetadata;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a run needs, decided before it starts.
 *
 * @param executed         the parameterized notebook whose code goes to the kernel (secret values in clear)
 * @param kept             the same notebook as the output notebook shows it (secret values masked); same cells, in
 *                         the same order, as {@code executed}
 * @param mask             hides secret values in outputs
 * @param kernel           the kernel to run it on
 * @param workingDirectory the kernel's working directory, or null for a warm kernel from the pool
 * @param output           where the output notebook goes
 * @param papermill        writes {@code metadata.papermill} as the run goes
 */
public record RunPlan(String runId, NotebookContent executed, NotebookContent kept, SecretMask mask,
                      KernelSpec kernel, RunSettings settings, Path workingDirectory, RunOutput output,
                      PapermillMetadata papermill) {

    public RunPlan {
        List<String> executedIds = executed.cells().stream().map(Cell::id).toList();
        List<String> keptIds = kept.cells().stream().map(Cell::id).toList();
        if (!executedIds.equals(keptIds)) {
            throw new IllegalArgumentException("the kept notebook must have the executed notebook's cells");
        }
    }

    /** The cells that run: code cells with code in them, as nbclient runs them. */
    public List<Integer> codeCells() {
        List<Cell> cells = executed.cells();
        return java.util.stream.IntStream.range(0, cells.size())
                .filter(i -> cells.get(i).type() == io.quire.domain.notebook.CellType.CODE
                        && !cells.get(i).source().isBlank())
                .boxed().toList();
    }
}
