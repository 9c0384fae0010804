package io.quire.gateway.cli;

import io.quire.gateway.Quire;
import io.quire.gateway.notebook.Notebooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "rm", mixinStandardHelpOptions = true,
        description = {"Delete a notebook. Its history is kept: `quire ls --deleted` lists deleted notebooks and"
                + " `quire restore PATH` brings one back."})
final class RemoveCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", description = "The notebook's path in Quire.")
    String path;

    @Mixin
    NodeOptions node;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Quire quire = node.openForCommand()) {
            new Notebooks(quire).delete(path, node.user());
        }
        spec.commandLine().getOut().println("deleted " + path + " (quire restore " + path + " brings it back)");
        return 0;
    }
}
