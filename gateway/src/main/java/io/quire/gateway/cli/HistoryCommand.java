package io.quire.gateway.cli;

import io.quire.gateway.Quire;
import io.quire.gateway.notebook.Notebooks;
import io.quire.projections.versions.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List every version of a notebook: version, time, who, what (and its name, if it has one).")
final class HistoryCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", description = "The notebook's path in Quire.")
    String path;

    @Mixin
    NodeOptions node;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Version> versions;
        try (Quire quire = node.openForCommand()) {
            versions = new Notebooks(quire).history(path);
        }
        int whoWidth = Math.max(3, versions.stream().mapToInt(v -> v.user().length()).max().orElse(3));
        String format = "%7s  %-24s  %-" + whoWidth + "s  %s%n";
        spec.commandLine().getOut().printf(format, "VERSION", "TIME", "WHO", "WHAT");
        for (Version version : versions) {
            String what = version.name() == null ? version.summary() : version.summary() + "  [" + version.name() + "]";
            spec.commandLine().getOut().printf(format, version.version(), version.at(), version.user(), what);
        }
        return 0;
    }
}
