package io.quire.gateway.cli;

import io.quire.gateway.Quire;
import io.quire.gateway.notebook.Notebooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import an .ipynb notebook (nbformat 4.0 to 4.5). Cells without ids get stable ids.")
final class ImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE.ipynb", description = "The notebook file to import.")
    Path file;

    @Option(names = "--as", paramLabel = "PATH", description = "Where it goes in Quire. Default: the file's name.")
    String path;

    @Mixin
    NodeOptions node;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserError("no such file: " + file);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + FileErrors.why(e), e);
        }
        String target = path != null ? path : file.getFileName().toString();
        try (Quire quire = node.openForCommand()) {
            new Notebooks(quire).importNotebook(bytes, file.toString(), target, node.user());
        }
        spec.commandLine().getOut().println("imported " + file + " as " + target);
        return 0;
    }
}
