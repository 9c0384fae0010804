package io.quire.gateway.cli;

import io.quire.gateway.Quire;
import io.quire.gateway.notebook.DeletedNotebooks;
import io.quire.gateway.notebook.Notebooks;
import io.quire.projections.contents.ContentsEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "ls", mixinStandardHelpOptions = true, description = "List the paths of all notebooks.")
final class ListCommand implements Callable<Integer> {

    @Option(names = "--deleted", description = "List deleted notebooks instead: the path each had, when and by whom"
            + " it was deleted (`quire restore PATH` brings one back).")
    boolean deleted;

    @Mixin
    NodeOptions node;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Quire quire = node.openForCommand()) {
            if (deleted) {
                printDeleted(new DeletedNotebooks(quire).list(), out);
            } else {
                for (ContentsEntry entry : new Notebooks(quire).list()) {
                    out.println(entry.path());
                }
            }
        }
        return 0;
    }

    private static void printDeleted(List<DeletedNotebooks.Deleted> deleted, PrintWriter out) {
        int pathWidth = Math.max(4, deleted.stream().mapToInt(d -> d.path().length()).max().orElse(4));
        String format = "%-" + pathWidth + "s  %-24s  %s%n";
        out.printf(format, "PATH", "DELETED", "WHO");
        for (DeletedNotebooks.Deleted notebook : deleted) {
            out.printf(format, notebook.path(), notebook.deletedAt(), notebook.deletedBy());
        }
    }
}
