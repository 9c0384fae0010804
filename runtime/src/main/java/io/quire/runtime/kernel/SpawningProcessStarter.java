package io.quire.runtime.kernel;

import io.quire.kernel.spec.KernelSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Starts each kernel as a new process running its kernelspec's argv: works for every kernel, at full cost. */
final class SpawningProcessStarter implements ProcessStarter {

    @Override
    public Started start(KernelSpec spec, List<String> command, Path workingDirectory, Map<String, String> environment,
                         Path log, Runnable cleanUp) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new Started(new LocalKernelProcess(process, log, cleanUp), process.toHandle());
    }
}
