package io.quire.kernel.testkernel;

import io.quire.kernel.client.zmq.ZmqKernelClient;
import io.quire.kernel.client.zmq.ZmqKernelClientBuilder;
import io.quire.kernel.connection.ConnectionInfo;
import io.quire.kernel.spec.KernelSpec;
import io.quire.kernel.spec.KernelSpecFinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Test-only launcher of Debian's ipykernel (the real launcher belongs to the runtime module): writes a connection
 * file with free ports, starts the {@code python3} kernelspec from /usr/share/jupyter, and kills it on close.
 *
 * <p>Debian's python is /usr/bin/python3; the {@code python3} first on PATH here lacks ipykernel, so a bare
 * {@code python3} in argv is replaced and /usr/bin goes first on PATH. {@code PYDEVD_DISABLE_FILE_VALIDATION}
 * silences the debugger's frozen-modules warning; {@code IPYTHONDIR} keeps history and profile out of $HOME.
 */
public final class LocalKernel implements AutoCloseable {

    private static final Path SYSTEM_KERNELS = Path.of("/usr/share/jupyter/kernels");

    private final Path dir;
    private final ConnectionInfo connection;
    private final KernelSpec spec;
    private final Process process;

    private LocalKernel(Path dir, ConnectionInfo connection, KernelSpec spec, Process process) {
        this.dir = dir;
        this.connection = connection;
        this.spec = spec;
        this.process = process;
    }

    /** Starts a kernel; it takes about a second to listen, which {@code client.ready(...)} waits for. */
    public static LocalKernel start() throws IOException {
        KernelSpec spec = new KernelSpecFinder(List.of(SYSTEM_KERNELS)).find("python3")
                .orElseThrow(() -> new IOException("no python3 kernelspec in " + SYSTEM_KERNELS
                        + ": apt-get install python3-ipykernel"));
        Path dir = Files.createTempDirectory("quire-kernel-");
        int[] ports = FreePorts.on127(5);
        ConnectionInfo connection = new ConnectionInfo("127.0.0.1", "tcp", ports[0], ports[1], ports[2], ports[3],
                ports[4], ConnectionInfo.newKey(), "hmac-sha256", spec.name());
        Path file = dir.resolve("kernel.json");
        connection.write(file);
        List<String> command = new ArrayList<>(spec.argv(file));
        if (command.get(0).equals("python3")) {
            command.set(0, "/usr/bin/python3");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("kernel.log").toFile());
        builder.environment().putAll(spec.env());
        builder.environment().put("PATH", "/usr/bin:" + builder.environment().getOrDefault("PATH", ""));
        builder.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        builder.environment().put("IPYTHONDIR", dir.resolve("ipython").toString());
        return new LocalKernel(dir, connection, spec, builder.start());
    }

    public ConnectionInfo connection() {
        return connection;
    }

    public Process process() {
        return process;
    }

    /** A client builder for this kernel, interrupting through {@link #interrupt()} as the spec's mode says. */
    public ZmqKernelClientBuilder clientBuilder() {
        return ZmqKernelClient.builder(connection).interruptMode(spec.interruptMode()).interrupter(this::interrupt);
    }

    /** SIGINT to the kernel process; Java has no API for it, so through kill(1). */
    public CompletionStage<Void> interrupt() {
        return signal("-INT");
    }

    /** SIGKILL: the kernel dies without a word, as on an OOM kill. */
    public void killHard() {
        process.destroyForcibly();
    }

    /** What the kernel printed, for failure messages. */
    public String log() {
        try {
            return Files.readString(dir.resolve("kernel.log"));
        } catch (IOException e) {
            return "(no kernel log: " + e + ")";
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private CompletionStage<Void> signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                return CompletableFuture.failedFuture(new IOException("kill " + signal + " failed"));
            }
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
    }
}
