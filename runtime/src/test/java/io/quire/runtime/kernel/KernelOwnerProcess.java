package io.quire.runtime.kernel;

import io.quire.runtime.testing.Python3Kernels;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A Quire in miniature, in a JVM of its own, for tests of what happens to the kernels of another process: starts a
 * python3 kernel with a launcher on the directory given, prints {@code kernel <pid>}, then answers each line read
 * from stdin with what the kernel prints for {@code print('pong')}. Stops its kernel when stdin closes. A second
 * argument {@code forking} makes its launcher a {@link ForkingKernelLauncher}.
 */
public final class KernelOwnerProcess {

    private KernelOwnerProcess() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Path kernels = Path.of(args[0]);
        try (KernelLauncher launcher = args.length > 1 && args[1].equals("forking")
                ? Python3Kernels.forkingLauncher(kernels) : Python3Kernels.launcher(kernels);
             RunningKernel kernel = launcher.start(Python3Kernels.spec())) {
            System.out.println("kernel " + Python3Kernels.pid(kernel));
            System.out.flush();
            while (in.readLine() != null) {
                String answer;
                try {
                    answer = Python3Kernels.stdout(kernel, "print('pong')").strip();
                } catch (RuntimeException | AssertionError e) {
                    answer = "no answer: " + e;
                }
                System.out.println(answer);
                System.out.flush();
            }
        }
    }
}
