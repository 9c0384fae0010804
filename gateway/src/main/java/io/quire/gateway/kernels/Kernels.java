package io.quire.gateway.kernels;

import io.quire.gateway.Quire;
import io.quire.gateway.notebook.Notebooks;
import io.quire.kernel.spec.KernelSpec;
import io.quire.kernel.spec.KernelSpecFinder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The kernels this server runs for Jupyter clients, by kernel id, in the order they were started. Kernels run on
 * {@link Quire#kernels()}, so {@link Quire#close()} stops them. Thread-safe; the methods that start or stop a kernel
 * block (seconds) and belong on worker threads.
 */
public final class Kernels {

    /** The kernel clients get when they name none, if it is installed (as Jupyter's default). */
    public static final String PREFERRED_DEFAULT = "python3";

    private final Quire quire;
    private final KernelSpecFinder specs;
    private final KernelEnvironment environment;
    private final ExecutionRecording recording;
    private volatile NotebookBinding binding = NotebookBinding.NONE;
    private final ExecutorService lifecycle = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "quire-kernel-lifecycle");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, ServedKernel> kernels = new LinkedHashMap<>();
    private volatile boolean stopping;
    private final ScheduledExecutorService culler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "quire-kernel-culler");
        thread.setDaemon(true);
        return thread;
    });
    private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);

    public Kernels(Quire quire, KernelEnvironment environment) {
        this.quire = quire;
        this.specs = quire.kernelSpecs();
        this.environment = environment;
        this.recording = new ExecutionRecording(new Notebooks(quire), quire.cellRunner());
        Duration cullAfter = quire.settings().cullIdleAfter();
        if (!cullAfter.isZero()) {
            long period = Math.max(1000, Math.min(60_000, cullAfter.toMillis() / 4));
            culler.scheduleWithFixedDelay(() -> cullIdle(cullAfter), period, period, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Stops kernels that have been idle, with no client connected, for longer than {@code after}, as Jupyter
     * Server's culler does by default (it spares busy and connected kernels).
     */
    private void cullIdle(Duration after) {
        Instant cutoff = Instant.now().minus(after);
        for (ServedKernel kernel : list()) {
            if ("idle".equals(kernel.executionState()) && kernel.connections() == 0
                    && kernel.lastActivity().isBefore(cutoff)) {
                try {
                    LOG.info("stopping kernel {} ({}): idle since {}", kernel.id(), kernel.name(),
                            kernel.lastActivity());
                    shutdown(kernel);
                } catch (RuntimeException e) {
                    LOG.warn("could not stop idle kernel {}", kernel.id(), e);
                }
            }
        }
    }

    /**
     * The server is stopping: kernels that exit from now on (Quire stops them) are not restarted, and no new kernel
     * starts.
     */
    public void stopping() {
        stopping = true;
        culler.shutdownNow();
    }

    /** Which variables clients may set in a kernel's environment. */
    public KernelEnvironment environment() {
        return environment;
    }

    /** The kernelspecs installed here (they may change while the server runs). */
    public KernelSpecFinder specs() {
        return specs;
    }

    /** Executions are recorded on the notebooks {@code binding} names. */
    void bindNotebooks(NotebookBinding binding) {
        this.binding = binding;
        recording.bind(binding);
    }

    /**
     * The path of the notebook session {@code kernelId} runs for, if any: whose workspace the kernel is in. In
     * memory; any thread.
     */
    public Optional<String> notebookPath(String kernelId) {
        return binding.notebookPath(kernelId);
    }

    /** {@value #PREFERRED_DEFAULT} if installed, else the first kernelspec by name, else {@value #PREFERRED_DEFAULT}. */
    public String defaultKernelName() {
        Map<String, KernelSpec> all = specs.findAll();
        if (all.containsKey(PREFERRED_DEFAULT) || all.isEmpty()) {
            return PREFERRED_DEFAULT;
        }
        return all.keySet().stream().sorted().findFirst().orElseThrow();
    }

    /**
     * Starts a kernel and waits until it answers. Blocking.
     *
     * @param name        a kernelspec name, or null for the default
     * @param environment variables for the kernel, already filtered by {@link #environment()}; the kernelspec's own
     *                    win over them
     * @throws UnknownKernelSpecException when no such kernelspec is installed
     * @throws io.quire.runtime.kernel.KernelLaunchException when it does not start
     */
    public ServedKernel start(String name, Map<String, String> environment) {
        if (stopping) {
            throw new IllegalStateException("the server is stopping: no new kernels");
        }
        String specName = name == null || name.isEmpty() ? defaultKernelName() : name;
        KernelSpec spec = spec(specName).orElseThrow(() -> new UnknownKernelSpecException(specName));
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(spec.env());
        KernelSpec withEnvironment = new KernelSpec(spec.name(), spec.resourceDir(), spec.argv(), spec.displayName(),
                spec.language(), spec.interruptMode(), env, spec.metadata());
        // A warm kernel has only its kernelspec's environment: one asked for with more variables starts fresh.
        boolean plain = env.equals(spec.env());
        ServedKernel kernel = new ServedKernel(UUID.randomUUID().toString(), withEnvironment,
                launching -> plain ? quire.kernelPool().take(launching) : quire.kernels().start(launching),
                recording, lifecycle, () -> stopping);
        kernel.start();
        synchronized (kernels) {
            kernels.put(kernel.id(), kernel);
        }
        return kernel;
    }

    public Optional<ServedKernel> find(String kernelId) {
        synchronized (kernels) {
            return Optional.ofNullable(kernels.get(kernelId));
        }
    }

    /** Every kernel not shut down, dead ones included, oldest first. */
    public List<ServedKernel> list() {
        synchronized (kernels) {
            return new ArrayList<>(kernels.values());
        }
    }

    /** Stops a kernel for good and forgets it. Blocking. */
    public void shutdown(ServedKernel kernel) {
        synchronized (kernels) {
            kernels.remove(kernel.id());
        }
        kernel.shutdown();
    }

    /** The kernelspec named {@code name}, read from disk now. */
    public Optional<KernelSpec> spec(String name) {
        try {
            return specs.find(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kernelspec " + name + ": " + e.getMessage(), e);
        }
    }
}
