package io.quire.runtime.kernel;

import io.quire.kernel.client.zmq.ZmqKernelClient;
import io.quire.kernel.connection.ConnectionInfo;
import io.quire.kernel.spec.KernelSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts kernels as local processes, from their kernelspec. Each kernel gets a folder under the data directory
 * with its connection file (readable by its owner only) and its log (stdout and stderr, kept for diagnosis),
 * and a record so that a later start stops it if this process dies without stopping it.
 */
public final class LocalKernelLauncher implements KernelLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKernelLauncher.class);
    private static final int PORT_ATTEMPTS = 3;
    /** What ipykernel prints once every socket of it is bound: from then on it answers within moments. */
    static final String LISTENING_BANNER = "To connect another client to this kernel";
    /** How long a kernel that said it listens may stay silent before it is started again on new ports. */
    static final Duration SILENCE_LIMIT = Duration.ofSeconds(20);

    private final ProcessStarter starter;
    private final Path kernelsDirectory;
    private final Duration startTimeout;
    private final Duration silenceLimit;
    private final Map<String, String> extraEnvironment;
    private final PortAllocator ports = new PortAllocator();
    private final KernelRecords records;
    private final Set<RunningKernel> running = ConcurrentHashMap.newKeySet();
    private boolean closed;

    /**
     * @param kernelsDirectory where kernels' connection files, logs and records go ({@code DATA/kernels})
     * @param startTimeout     how long a kernel may take to answer its first request
     * @param extraEnvironment variables added to every kernel's environment
     */
    public LocalKernelLauncher(Path kernelsDirectory, Duration startTimeout, Map<String, String> extraEnvironment) {
        this(kernelsDirectory, startTimeout, extraEnvironment, new SpawningProcessStarter());
    }

    /** @param starter how each kernel's process is started; closed with this launcher */
    LocalKernelLauncher(Path kernelsDirectory, Duration startTimeout, Map<String, String> extraEnvironment,
                        ProcessStarter starter) {
        this(kernelsDirectory, startTimeout, extraEnvironment, starter, SILENCE_LIMIT);
    }

    /** @param silenceLimit how long a kernel that printed {@link #LISTENING_BANNER} may go without answering */
    LocalKernelLauncher(Path kernelsDirectory, Duration startTimeout, Map<String, String> extraEnvironment,
                        ProcessStarter starter, Duration silenceLimit) {
        this.silenceLimit = silenceLimit;
        this.starter = starter;
        this.kernelsDirectory = kernelsDirectory;
        this.startTimeout = startTimeout;
        this.extraEnvironment = Map.copyOf(extraEnvironment);
        this.records = new KernelRecords(kernelsDirectory.resolve("records"));
        int orphans = records.stopOrphans();
        if (orphans > 0) {
            LOG.warn("stopped {} kernel(s) left running by an earlier Quire", orphans);
        }
    }

    /** @throws KernelLaunchException also once {@link #close()} has begun: a closed launcher starts nothing more */
    @Override
    public RunningKernel start(KernelSpec spec) {
        return start(spec, null);
    }

    /** @param workingDirectory null: the kernel's own directory under {@code DATA/kernels} */
    @Override
    public RunningKernel start(KernelSpec spec, Path workingDirectory) {
        if (workingDirectory != null && !Files.isDirectory(workingDirectory)) {
            throw new KernelLaunchException("cannot start kernel " + spec.name() + " in " + workingDirectory
                    + ": no such directory");
        }
        requireOpen(spec);
        KernelLaunchException last = null;
        for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
            try {
                return startOnce(spec, workingDirectory);
            } catch (SilentKernelException e) {
                last = e;
                LOG.warn("{}; starting it again on new ports", e.getMessage().lines().findFirst().orElse(""));
            } catch (KernelLaunchException e) {
                last = e;
                if (!e.getMessage().contains(PortConflictWatch.ADDRESS_IN_USE)) {
                    throw e;
                }
                LOG.info("a port chosen for kernel {} was taken meanwhile; trying new ports", spec.name());
            }
        }
        throw last;
    }

    /**
     * 1. reserve ports and write the connection file, 2. start the process with its output to the log, watched for
     * a port taken meanwhile, 3. record it, 4. connect a client and wait until the kernel answers (or its process
     * exits, or says a port was taken).
     */
    private RunningKernel startOnce(KernelSpec spec, Path workingDirectory) {
        String id = UUID.randomUUID().toString();
        Path directory = kernelsDirectory.resolve(id);
        int[] reserved = ports.reserve(5);
        ConnectionInfo connection = new ConnectionInfo("127.0.0.1", "tcp", reserved[0], reserved[1], reserved[2],
                reserved[3], reserved[4], ConnectionInfo.newKey(), "hmac-sha256", spec.name());
        Path connectionFile = directory.resolve("connection.json");
        Path log = directory.resolve("kernel.log");
        AtomicBoolean cleaned = new AtomicBoolean();
        Runnable cleanUp = () -> {
            if (cleaned.getAndSet(true)) {
                return; // run on exit and by kill(): a second release could free ports a newer kernel now holds
            }
            ports.release(reserved);
            records.remove(id);
            try {
                Files.deleteIfExists(connectionFile); // it holds the key, as jupyter_client's do; the log stays
            } catch (IOException e) {
                LOG.warn("cannot remove the connection file of kernel {}", id, e);
            }
        };
        Map<String, String> environment = new HashMap<>(spec.env());
        environment.putAll(extraEnvironment);
        PortConflictWatch portConflict;
        try {
            Files.createDirectories(directory);
            connection.write(connectionFile);
            portConflict = new PortConflictWatch(log);
        } catch (IOException e) {
            ports.release(reserved);
            throw cannotStart(spec, e);
        }
        try (portConflict) {
            ProcessStarter.Started started;
            try {
                started = starter.start(spec, command(spec, connectionFile),
                        workingDirectory == null ? directory : workingDirectory, environment, log, cleanUp);
            } catch (IOException e) {
                ports.release(reserved);
                throw cannotStart(spec, e);
            }
            return connect(id, spec, connection, started, portConflict);
        }
    }

    private static KernelLaunchException cannotStart(KernelSpec spec, IOException e) {
        return new KernelLaunchException("cannot start kernel " + spec.name() + " (" + String.join(" ", spec.argv())
                + "): " + e.getMessage(), e);
    }

    /** Steps 3 and 4 of {@link #startOnce}. */
    private RunningKernel connect(String id, KernelSpec spec, ConnectionInfo connection,
                                  ProcessStarter.Started started, PortConflictWatch portConflict) {
        Path directory = kernelsDirectory.resolve(id);
        KernelProcess kernelProcess = started.process();
        records.add(KernelRecords.Record.ownedByThisProcess(id, started.handle(), directory.toString()));
        if (!kernelProcess.isAlive()) {
            records.remove(id); // it exited (and was cleaned up) before its record was written
        }
        ZmqKernelClient client = ZmqKernelClient.builder(connection)
                .interruptMode(spec.interruptMode())
                .interrupter(kernelProcess::interrupt)
                .build();
        RunningKernel kernel = new RunningKernel(id, spec, client, kernelProcess);
        try {
            awaitAnswer(client.ready(startTimeout).applyToEither(kernelProcess.onExit().thenApply(exited -> {
                throw new KernelLaunchException("kernel " + spec.name() + " exited while starting");
            }), info -> info).applyToEither(portConflict.conflict().thenApply(taken -> {
                throw new KernelLaunchException(portTaken(spec));
            }), info -> info), kernelProcess);
            if (portConflict.seenNow()) {
                throw new KernelLaunchException(portTaken(spec)); // e.g. its heartbeat's: it answered without one
            }
        } catch (Exception e) {
            kernelProcess.kill();
            client.close();
            String message = "kernel " + spec.name() + " (" + id + ") did not start: " + reason(e)
                    + "\n--- kernel output ---\n" + kernelProcess.recentOutput().strip();
            throw e instanceof SilenceException ? new SilentKernelException(message)
                    : new KernelLaunchException(message);
        }
        synchronized (this) {
            if (!closed) {
                running.add(kernel);
                kernelProcess.onExit().thenRun(() -> running.remove(kernel));
                return kernel;
            }
        }
        kernel.close(); // close() began while this kernel started: it would outlive the launcher
        throw closedFailure(spec);
    }

    /**
     * Waits for the kernel's first answer, at most the start timeout. A kernel that printed ipykernel's
     * {@link #LISTENING_BANNER} has bound its sockets and answers within moments; one silent for
     * {@link #silenceLimit} after it is given up, to be started again. (Rehearsals of the test suite saw two such
     * kernels in six runs, each silent for the whole timeout, alive, with nothing in their log after the banner; the
     * cause is not known.)
     */
    private void awaitAnswer(CompletableFuture<?> answer, KernelProcess kernelProcess) throws Exception {
        long start = System.nanoTime();
        long bannerAt = 0;
        while (true) {
            try {
                answer.get(250, TimeUnit.MILLISECONDS);
                return;
            } catch (java.util.concurrent.TimeoutException notYet) {
                long now = System.nanoTime();
                if (bannerAt == 0 && kernelProcess.recentOutput().contains(LISTENING_BANNER)) {
                    bannerAt = now;
                }
                if (bannerAt != 0 && now - bannerAt > silenceLimit.toNanos()) {
                    throw new SilenceException();
                }
                if (now - start > startTimeout.toNanos() + 1_000_000_000L) {
                    throw notYet;
                }
            }
        }
    }

    /** Thrown by {@link #awaitAnswer} for a kernel silent too long after its banner. */
    private final class SilenceException extends Exception {
        SilenceException() {
            super("it said it was listening but did not answer within " + silenceLimit.toSeconds() + " s");
        }
    }

    /** A kernel given up for its silence: {@link #start} tries again on new ports. */
    private static final class SilentKernelException extends KernelLaunchException {
        SilentKernelException(String message) {
            super(message);
        }
    }

    private static String portTaken(KernelSpec spec) {
        return "kernel " + spec.name() + " could not bind a port it was given (" + PortConflictWatch.ADDRESS_IN_USE
                + ": another program took it after it was checked free)";
    }

    private synchronized void requireOpen(KernelSpec spec) {
        if (closed) {
            throw closedFailure(spec);
        }
    }

    private static KernelLaunchException closedFailure(KernelSpec spec) {
        return new KernelLaunchException("cannot start kernel " + spec.name() + ": Quire is shutting down");
    }

    /**
     * The kernelspec's argv, with a bare {@code python3} (or similar) resolved beside the kernelspec's own
     * installation: a spec in {@code PREFIX/share/jupyter/kernels} runs {@code PREFIX/bin/python3}, the Python
     * it was installed for, whatever {@code python3} comes first on this process's PATH.
     */
    static List<String> command(KernelSpec spec, Path connectionFile) {
        List<String> command = new ArrayList<>(spec.argv(connectionFile));
        String program = command.get(0);
        Path resources = spec.resourceDir();
        if (!program.contains("/") && resources != null && resources.getParent() != null
                && resources.getParent().getFileName() != null
                && resources.getParent().getFileName().toString().equals("kernels")) {
            Path prefix = resources.getParent().getParent().getParent().getParent();
            Path beside = prefix == null ? null : prefix.resolve("bin").resolve(program);
            if (beside != null && Files.isExecutable(beside)) {
                command.set(0, beside.toString());
            }
        }
        return command;
    }

    private static String reason(Exception e) {
        Throwable cause = e instanceof CompletionException || e instanceof java.util.concurrent.ExecutionException
                ? e.getCause() : e;
        return cause instanceof java.util.concurrent.TimeoutException
                ? "no answer within the start timeout" : String.valueOf(cause.getMessage());
    }

    /** Stops every kernel still running (in parallel: each may take seconds). */
    @Override
    public void close() {
        List<RunningKernel> toStop;
        synchronized (this) {
            closed = true;
            toStop = List.copyOf(running);
        }
        List<Thread> stopping = new ArrayList<>();
        for (RunningKernel kernel : toStop) {
            Thread thread = new Thread(kernel::close, "quire-kernel-stop-" + kernel.id());
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        starter.close();
    }
}
