package io.quire.gateway.cli;

import io.quire.kernel.spec.KernelSpec;
import io.quire.kernel.spec.KernelSpecFinder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "kernels", mixinStandardHelpOptions = true,
        description = "List the installed kernelspecs (found as Jupyter finds them: JUPYTER_PATH, user, system).")
final class KernelsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        KernelSpecFinder finder = KernelSpecFinder.standard(List.of());
        Map<String, KernelSpec> specs = finder.findAll();
        var out = spec.commandLine().getOut();
        if (specs.isEmpty()) {
            out.println("no kernelspecs found in " + finder.kernelDirs()
                    + " (on Debian: apt-get install python3-ipykernel)");
            return 0;
        }
        int width = specs.keySet().stream().mapToInt(String::length).max().orElse(4);
        String format = "%-" + Math.max(4, width) + "s  %-10s  %-20s  %s%n";
        out.printf(format, "NAME", "LANGUAGE", "DISPLAY NAME", "LOCATION");
        specs.values().forEach(kernel -> out.printf(format, kernel.name(), kernel.language(), kernel.displayName(),
                kernel.resourceDir()));
        return 0;
    }
}
