package io.quire.runtime.kernel;

import io.quire.kernel.spec.KernelSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Forks ipykernel kernels from a {@link KernelNursery} of their interpreter; spawns every other kernel. A kernelspec
 * is forked only if its argv is exactly the standard {@code PYTHON -m ipykernel_launcher -f CONNECTION_FILE} (or
 * {@code -m ipykernel}) and its environment sets no {@code PYTHON*} variable: those (PYTHONPATH, PYTHONHASHSEED...)
 * act as an interpreter starts, and a fork does not start one. If the nursery cannot be had, the kernel is spawned.
 */
final class ForkingProcessStarter implements ProcessStarter {

    private static final Logger LOG = LoggerFactory.getLogger(ForkingProcessStarter.class);
    private static final Set<String> IPYKERNEL_MODULES = Set.of("ipykernel_launcher", "ipykernel");

    private final Path directory;
    private final Map<String, String> nurseryEnvironment;
    private final Duration startTimeout;
    private final ProcessStarter spawning = new SpawningProcessStarter();
    private final Map<String, KernelNursery> nurseries = new ConcurrentHashMap<>();

    /**
     * @param directory          where each interpreter's nursery keeps its script and log
     * @param nurseryEnvironment added to the nurseries' environment
     * @param startTimeout       how long a nursery may take to import ipykernel, or to answer a fork
     */
    ForkingProcessStarter(Path directory, Map<String, String> nurseryEnvironment, Duration startTimeout) {
        this.directory = directory;
        this.nurseryEnvironment = Map.copyOf(nurseryEnvironment);
        this.startTimeout = startTimeout;
    }

    @Override
    public Started start(KernelSpec spec, List<String> command, Path workingDirectory, Map<String, String> environment,
                         Path log, Runnable cleanUp) throws IOException {
        if (!forkable(command, environment)) {
            return spawning.start(spec, command, workingDirectory, environment, log, cleanUp);
        }
        String python = command.get(0);
        KernelNursery nursery = nurseries.computeIfAbsent(python, p -> new KernelNursery(p,
                directory.resolve("nursery-" + Integer.toHexString(p.hashCode())), nurseryEnvironment, startTimeout));
        Map<String, String> kernelEnvironment = new HashMap<>(System.getenv());
        kernelEnvironment.putAll(environment);
        KernelNursery.Forked forked;
        try {
            forked = nursery.fork(Path.of(command.get(4)), workingDirectory, kernelEnvironment, log);
        } catch (IOException e) {
            LOG.warn("cannot fork kernel {}; starting it as a new process instead", spec.name(), e);
            return spawning.start(spec, command, workingDirectory, environment, log, cleanUp);
        }
        return new Started(new ForkedKernelProcess(forked.handle(), forked.exit(), log, cleanUp), forked.handle());
    }

    /** True for the standard ipykernel launch, whose interpreter is named by an absolute path. */
    static boolean forkable(List<String> command, Map<String, String> environment) {
        return command.size() == 5 && command.get(0).startsWith("/") && command.get(1).equals("-m")
                && IPYKERNEL_MODULES.contains(command.get(2)) && command.get(3).equals("-f")
                && environment.keySet().stream().noneMatch(name -> name.startsWith("PYTHON"));
    }

    /** Stops the nurseries; the kernels they forked are stopped by the launcher. */
    @Override
    public void close() {
        nurseries.values().forEach(KernelNursery::close);
    }
}
