package io.quire.gateway.cli;

import io.quire.gateway.Quire;
import io.quire.gateway.notebook.DeletedNotebooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Bring back a deleted notebook, with its whole history: the one deleted last at PATH"
                + " (`quire ls --deleted` lists them)."})
final class RestoreCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", description = "Where the notebook was when it was deleted.")
    String path;

    @Option(names = "--as", paramLabel = "NEW_PATH",
            description = "Restore it there instead, e.g. when another notebook now lives at PATH.")
    String newPath;

    @Mixin
    NodeOptions node;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String restored;
        try (Quire quire = node.openForCommand()) {
            restored = new DeletedNotebooks(quire).restore(path, newPath, node.user());
        }
        spec.commandLine().getOut().println("restored " + path + (restored.equals(path) ? "" : " as " + restored));
        return 0;
    }
}
