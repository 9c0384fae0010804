package io.quire.gateway.cli;

import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.ExecutionOutcome;
import io.quire.gateway.Quire;
import io.quire.gateway.notebook.Notebooks;
import io.quire.kernel.spec.KernelSpec;
import io.quire.runtime.execution.CellRunner;
import io.quire.runtime.kernel.RunningKernel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

@Command(name = "execute", mixinStandardHelpOptions = true,
        description = {"Run all code cells of a stored notebook in order, on a fresh kernel, recording every output.",
                "Stops at the first cell that fails, unless --allow-errors. `quire export PATH` then has the outputs."})
final class ExecuteCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", description = "The notebook's path in Quire.")
    String path;

    @Option(names = "--kernel", paramLabel = "NAME",
            description = "The kernelspec to run it with. Default: the one the notebook names (see quire kernels).")
    String kernelName;

    @Option(names = "--allow-errors", description = "Go on after a cell fails.")
    boolean allowErrors;

    @Mixin
    NodeOptions node;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (Quire quire = node.open(false)) {
            Notebooks notebooks = new Notebooks(quire);
            String notebookId = notebooks.idOf(path);
            // Blank cells are not sent, as nbclient and JupyterLab do: ipykernel would announce one with the next
            // execution count and reply with the last, so two cells would show the same count.
            List<Cell> code = notebooks.content(path).cells().stream()
                    .filter(c -> c.type() == CellType.CODE && !c.source().isBlank()).toList();
            KernelSpec kernelSpec = kernelSpec(quire, notebooks);
            out.printf("running %d code cells of %s on %s%n", code.size(), path, kernelSpec.name());
            out.flush();
            int failures = 0;
            try (RunningKernel kernel = quire.kernels().start(kernelSpec)) {
                CellRunner runner = quire.cellRunner();
                for (int i = 0; i < code.size(); i++) {
                    long started = System.nanoTime();
                    CellRunner.Result result = runner.run(notebookId, code.get(i).id(), node.user(), kernel).get();
                    out.printf("[%d/%d] cell %s: %s (%d ms)%n", i + 1, code.size(), code.get(i).id(),
                            result.detail() == null ? result.outcome().name().toLowerCase() : result.detail(),
                            (System.nanoTime() - started) / 1_000_000);
                    out.flush();
                    if (result.outcome() != ExecutionOutcome.OK) {
                        failures++;
                        if (!allowErrors || result.outcome() == ExecutionOutcome.KERNEL_DIED) {
                            throw new UserError("cell " + code.get(i).id() + " of " + path + " failed: "
                                    + result.detail() + (allowErrors ? "" : " (--allow-errors goes on)"));
                        }
                    }
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("the execution could not be recorded: " + e.getCause(), e.getCause());
            }
            out.printf("done: %d cells, %d failed%n", code.size(), failures);
        }
        return 0;
    }

    private KernelSpec kernelSpec(Quire quire, Notebooks notebooks) throws IOException {
        String name = kernelName != null ? kernelName
                : notebooks.content(path).metadata().path("kernelspec").path("name").asText(null);
        if (name == null) {
            throw new UserError(path + " names no kernel: pass --kernel NAME (quire kernels lists them)");
        }
        return quire.kernelSpecs().find(name).orElseThrow(() -> new UserError("no kernelspec named '" + name
                + "' (quire kernels lists them; Debian's python3-ipykernel installs python3)"));
    }
}
