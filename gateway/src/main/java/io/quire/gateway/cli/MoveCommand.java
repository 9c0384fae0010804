package io.quire.gateway.cli;

import io.quire.gateway.Quire;
import io.quire.gateway.notebook.Notebooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "mv", mixinStandardHelpOptions = true,
        description = "Rename or move a notebook; its history goes with it.")
final class MoveCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PATH", description = "The notebook's path in Quire.")
    String path;

    @Parameters(index = "1", paramLabel = "NEW_PATH", description = "Where it goes; no notebook may live there.")
    String newPath;

    @Mixin
    NodeOptions node;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Quire quire = node.openForCommand()) {
            new Notebooks(quire).rename(path, newPath, node.user());
        }
        spec.commandLine().getOut().println("moved " + path + " to " + newPath);
        return 0;
    }
}
