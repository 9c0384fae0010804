package io.quire.bench.kernel;

import io.quire.kernel.message.ExecuteRequest;
import io.quire.kernel.message.StreamOutput;
import io.quire.kernel.spec.KernelSpec;
import io.quire.kernel.spec.KernelSpecFinder;
import io.quire.runtime.kernel.ForkingKernelLauncher;
import io.quire.runtime.kernel.KernelLauncher;
import io.quire.runtime.kernel.LocalKernelLauncher;
import io.quire.runtime.kernel.RunningKernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Kernel start cost, spawned ({@link LocalKernelLauncher}) against forked ({@link ForkingKernelLauncher}), in one
 * process, alternating: wall time from {@code start()} to a ready kernel, and the CPU the kernel process itself
 * had used once ready (its {@code getrusage}). The nursery's one-off import cost is printed apart.
 * Usage: {@code KernelStartBench [STARTS]} (default 10).
 */
public final class KernelStartBench {

    private KernelStartBench() {
    }

    public static void main(String[] args) throws Exception {
        int starts = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        KernelSpec spec = new KernelSpecFinder(List.of(Path.of("/usr/share/jupyter/kernels"))).find("python3")
                .orElseThrow();
        Path directory = Files.createTempDirectory("quire-kernel-start-bench");
        Map<String, String> env = Map.of("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        try (KernelLauncher spawning = new LocalKernelLauncher(directory.resolve("spawned"), Duration.ofSeconds(60),
                env);
             KernelLauncher forking = new ForkingKernelLauncher(directory.resolve("forked"), Duration.ofSeconds(60),
                     env)) {
            String nursery = measure(forking, spec, new ArrayList<>(), new ArrayList<>()); // warm-up: nursery
            System.out.printf("nursery start (one-off, imports ipykernel): CPU %s s%n", nursery);
            measure(spawning, spec, new ArrayList<>(), new ArrayList<>());
            List<Double> spawnWall = new ArrayList<>();
            List<Double> spawnCpu = new ArrayList<>();
            List<Double> forkWall = new ArrayList<>();
            List<Double> forkCpu = new ArrayList<>();
            for (int i = 0; i < starts; i++) {
                measure(spawning, spec, spawnWall, spawnCpu);
                measure(forking, spec, forkWall, forkCpu);
            }
            System.out.printf("%d starts each, median (min-max)%n", starts);
            System.out.printf("spawned: wall %s ms, kernel CPU %s ms%n", summary(spawnWall), summary(spawnCpu));
            System.out.printf("forked:  wall %s ms, kernel CPU %s ms%n", summary(forkWall), summary(forkCpu));
        }
    }

    /** Starts one kernel, records its wall and CPU milliseconds; returns its parent's CPU seconds. */
    private static String measure(KernelLauncher launcher, KernelSpec spec, List<Double> wall, List<Double> cpu)
            throws Exception {
        long begin = System.nanoTime();
        try (RunningKernel kernel = launcher.start(spec)) {
            wall.add((System.nanoTime() - begin) / 1e6);
            StringBuilder out = new StringBuilder();
            kernel.client().execute(ExecuteRequest.of("""
                    import os, resource
                    r = resource.getrusage(resource.RUSAGE_SELF)
                    t = os.times()
                    print(r.ru_utime + r.ru_stime, t.children_user + t.children_system, os.getppid())
                    """), output -> {
                        if (output instanceof StreamOutput stream) {
                            synchronized (out) {
                                out.append(stream.text());
                            }
                        }
                    }).get(30, TimeUnit.SECONDS);
            String[] fields;
            synchronized (out) {
                fields = out.toString().strip().split(" ");
            }
            cpu.add(Double.parseDouble(fields[0]) * 1000);
            return ProcessHandle.of(Long.parseLong(fields[2])).flatMap(p -> p.info().totalCpuDuration())
                    .map(d -> String.format("%.2f", d.toMillis() / 1000.0)).orElse("?");
        }
    }

    private static String summary(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format("%.0f (%.0f-%.0f)", sorted.get(sorted.size() / 2), sorted.get(0),
                sorted.get(sorted.size() - 1));
    }
}
