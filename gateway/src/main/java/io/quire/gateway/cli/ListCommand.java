package io.quire.gateway.cli;

import io.quire.gateway.Quire;
import io.quire.gateway.notebook.Notebooks;
import io.quire.projections.contents.ContentsEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "ls", mixinStandardHelpOptions = true, description = "List the paths of all notebooks.")
final class ListCommand implements Callable<Integer> {

    @Mixin
    NodeOptions node;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Quire quire = node.open(false)) {
            for (ContentsEntry entry : new Notebooks(quire).list()) {
                spec.commandLine().getOut().println(entry.path());
            }
        }
        return 0;
    }
}
