package io.quire.gateway.cli;

import io.quire.gateway.Quire;
import io.quire.gateway.notebook.Notebooks;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

@Command(name = "export",
        description = "Write a notebook as nbformat 4.5 JSON: as it is now, at a version, or at an instant.")
final class ExportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", description = "The notebook's path in Quire (see quire ls).")
    String path;

    @ArgGroup(exclusive = true)
    When when;

    static final class When {
        @Option(names = "--version", paramLabel = "N", description = "The notebook at version N (see quire history).")
        Long version;

        @Option(names = "--at", paramLabel = "ISO-INSTANT",
                description = "The notebook as it was at this instant, e.g. 2026-11-26T12:00:00Z.")
        String at;
    }

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    Path output;

    @Mixin
    NodeOptions node;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        byte[] notebook;
        try (Quire quire = node.openForCommand()) {
            Notebooks notebooks = new Notebooks(quire);
            if (when != null && when.version != null) {
                notebook = notebooks.exportVersion(path, when.version);
            } else if (when != null && when.at != null) {
                notebook = notebooks.exportAt(path, instant(when.at));
            } else {
                notebook = notebooks.export(path);
            }
        }
        if (output == null) {
            System.out.write(notebook, 0, notebook.length);
            System.out.flush();
        } else {
            try {
                Files.write(output, notebook);
            } catch (IOException e) {
                throw new UserError("cannot write " + output + ": " + FileErrors.why(e), e);
            }
        }
        return 0;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserError("'" + text + "' is not an ISO instant: write it like 2026-11-26T12:00:00Z");
        }
    }
}
