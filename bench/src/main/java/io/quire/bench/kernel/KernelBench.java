package io.quire.bench.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.gateway.Quire;
import io.quire.gateway.QuireSettings;
import io.quire.gateway.http.Features;
import io.quire.gateway.http.QuireServer;
import io.quire.gateway.http.ServerSettings;
import io.quire.kernel.client.ExecutionListener;
import io.quire.kernel.message.ExecuteRequest;
import io.quire.kernel.spec.KernelSpec;
import io.quire.kernel.spec.KernelSpecFinder;
import io.quire.runtime.kernel.KernelPool;
import io.quire.runtime.kernel.LocalKernelLauncher;
import io.quire.runtime.kernel.RunningKernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kernel round trips and kernel start (issues 3 and 4): Quire's kernel-bridge against jupyter_client over ZeroMQ,
 * Quire's gateway against Jupyter Server over the WebSocket, and 50 WebSocket clients at once against Quire.
 * Contenders are interleaved in batches (the machine is shared and noisy). Run with bench/run-kernels.
 */
public final class KernelBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RT_TIMEOUT = Duration.ofSeconds(60);
    private static final Map<String, String> KERNEL_ENV = Map.of("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    private static final String TOKEN = "tok";
    private static final String JUPYTER_TOKEN = "jtok";

    private final int rounds;
    private final int batch;
    private final int warmup;
    private final int starts;
    private final int clients;
    private final int perClient;
    private final Path benchDir;
    private final List<String[]> table = new ArrayList<>();
    private final List<String> ratios = new ArrayList<>();

    private KernelBench(int n, int starts, int clients, int perClient, Path benchDir) {
        this.batch = 20;
        this.rounds = Math.max(1, (n + batch - 1) / batch);
        this.warmup = 50;
        this.starts = starts;
        this.clients = clients;
        this.perClient = perClient;
        this.benchDir = benchDir;
    }

    public static void main(String[] args) throws Exception {
        int n = 200, starts = 5, clients = 50, perClient = 20;
        Path benchDir = Paths.get(System.getProperty("quire.bench.dir", "bench")).toAbsolutePath();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--n" -> n = Integer.parseInt(args[++i]);
                case "--starts" -> starts = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--per-client" -> perClient = Integer.parseInt(args[++i]);
                case "--quick" -> { n = 40; starts = 2; clients = 10; perClient = 5; }
                default -> {
                    System.err.println("usage: run-kernels [--n ROUND_TRIPS] [--starts N] [--clients N] "
                            + "[--per-client N] [--quick]");
                    System.exit(2);
                }
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(KernelBench::killDescendants));
        int code = 0;
        try {
            new KernelBench(n, starts, clients, perClient, benchDir).run();
        } catch (Throwable t) {
            t.printStackTrace();
            code = 3;
        } finally {
            killDescendants();
        }
        System.exit(code);
    }

    private void run() throws Exception {
        System.out.printf("kernel bench %s | %d cores | %s %s | java %s | load %.2f%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path tmp = Files.createTempDirectory("quire-kernel-bench");
        KernelSpec spec = KernelSpecFinder.standard(List.of()).find("python3").orElseThrow(
                () -> new IllegalStateException("no python3 kernelspec (apt-get install python3-ipykernel)"));
        Path kernels = tmp.resolve("kernels");
        try (LocalKernelLauncher launcher = new LocalKernelLauncher(kernels, Duration.ofSeconds(60), KERNEL_ENV)) {
            kernelStart(launcher, spec);
            RunningKernel direct = launcher.start(spec);
            try (JcHelper jc = JcHelper.start(benchDir.resolve("kernel/jc_rtt.py"),
                    kernels.resolve(direct.id()).resolve("connection.json"))) {
                zmqRoundTrips(direct, jc);
            }
            webSockets(tmp, direct);
        } finally {
            deleteQuietly(tmp);
        }
        printTable();
    }

    // ---------------------------------------------------------------- issue 3: kernel start

    private void kernelStart(LocalKernelLauncher launcher, KernelSpec spec) throws Exception {
        progress("kernel start: " + starts + " cold starts, " + starts + " takes from a warm pool of 1");
        Stats cold = new Stats();
        Stats pooled = new Stats();
        try (KernelPool pool = new KernelPool(launcher, 1)) {
            pool.prepare(spec);
            for (int i = 0; i < starts; i++) {
                long t0 = System.nanoTime();
                RunningKernel k = launcher.start(spec);
                cold.add(System.nanoTime() - t0);
                k.close();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (pool.warmCount(spec) < 1) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the pool did not fill in 90 s");
                    }
                    Thread.sleep(10);
                }
                Thread.sleep(200);
                t0 = System.nanoTime();
                RunningKernel warm = pool.take(spec);
                pooled.add(System.nanoTime() - t0);
                warm.close();
            }
        }
        progress("  cold " + cold.summary() + "; pool " + pooled.summary());
        row("kernel start, cold (launcher.start until ready)", ms(cold), "-", "info");
        row("kernel start, from the warm pool (take)", ms(pooled), "< 20 ms",
                pooled.medianMs() < 20 ? "PASS" : "FAIL");
    }

    // ---------------------------------------------------------------- issue 3: ZeroMQ round trips

    private void zmqRoundTrips(RunningKernel kernel, JcHelper jc) throws Exception {
        progress("ZeroMQ round trips: " + rounds + " rounds of " + batch + " each, alternating");
        for (int i = 0; i < warmup; i++) {
            quireZmq(kernel);
        }
        jc.run(warmup);
        Stats quire = new Stats();
        Stats python = new Stats();
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                quireBatch(kernel, quire);
                python.addAll(jc.run(batch));
            } else {
                python.addAll(jc.run(batch));
                quireBatch(kernel, quire);
            }
        }
        progress("  Quire " + quire.summary() + "; jupyter_client " + python.summary());
        double ratio = quire.medianMs() / python.medianMs();
        row("execute 1+1 over ZMQ: Quire kernel-bridge", ms(quire), "<= 1.2 x jupyter_client",
                ratio <= 1.2 ? "PASS" : "FAIL");
        row("execute 1+1 over ZMQ: jupyter_client 7.4.9", ms(python), "-", "reference");
        ratios.add(String.format("ZMQ: Quire / jupyter_client median = %.2f (target <= 1.20)", ratio));
    }

    private static long quireZmq(RunningKernel kernel) throws Exception {
        long t0 = System.nanoTime();
        kernel.client().execute(ExecuteRequest.of("1+1"), ExecutionListener.IGNORE)
                .get(RT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return System.nanoTime() - t0;
    }

    private void quireBatch(RunningKernel kernel, Stats into) throws Exception {
        Thread.sleep(20);
        for (int i = 0; i < batch; i++) {
            into.add(quireZmq(kernel));
        }
    }

    // ---------------------------------------------------------------- issue 4: WebSocket

    private void webSockets(Path tmp, RunningKernel direct) throws Exception {
        progress("starting Quire (in-process) and Jupyter Server");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        JupyterServer jupyter = null;
        try (Quire quire = Quire.start(QuireSettings.embedded(tmp.resolve("quire")), false);
             QuireServer server = QuireServer.start(quire, quire.users(), new ServerSettings("127.0.0.1", 0, TOKEN,
                     "bench", ServerSettings.DEFAULT_MAX_BODY_BYTES), Features.all(quire))) {
            String quireHttp = "http://127.0.0.1:" + server.port();
            String quireWs = "ws://127.0.0.1:" + server.port();
            jupyter = JupyterServer.start(tmp.resolve("jupyter"), JUPYTER_TOKEN, http);
            String quireKernel = startKernel(http, quireHttp, TOKEN);
            String jupyterKernel = startKernel(http, jupyter.http(), JUPYTER_TOKEN);
            try (EchoKernelServer echo = EchoKernelServer.start();
                 WsKernelClient q = WsKernelClient.connect(http, quireWs, quireKernel, TOKEN);
                 WsKernelClient j = WsKernelClient.connect(http, jupyter.ws(), jupyterKernel, JUPYTER_TOKEN);
                 WsKernelClient e = WsKernelClient.connect(http, echo.ws(), "echo", "none")) {
                progress("WebSocket round trips: " + rounds + " rounds of " + batch
                        + ", rotating Quire WS / Jupyter Server WS / direct ZMQ / WS floor (echo)");
                for (int i = 0; i < warmup; i++) {
                    q.roundTrip(RT_TIMEOUT);
                    j.roundTrip(RT_TIMEOUT);
                    quireZmq(direct);
                    e.roundTrip(RT_TIMEOUT);
                }
                Stats qs = new Stats();
                Stats js = new Stats();
                Stats zs = new Stats();
                Stats es = new Stats();
                for (int r = 0; r < rounds; r++) {
                    for (int c = 0; c < 4; c++) {
                        switch ((r + c) % 4) {
                            case 0 -> wsBatch(q, qs);
                            case 1 -> wsBatch(j, js);
                            case 2 -> wsBatch(e, es);
                            default -> quireBatch(direct, zs);
                        }
                    }
                }
                progress("  Quire WS " + qs.summary() + "; Jupyter Server WS " + js.summary() + "; ZMQ "
                        + zs.summary() + "; WS floor (echo) " + es.summary());
                double ratio = qs.medianMs() / zs.medianMs();
                row("execute 1+1 over WebSocket: Quire gateway", ms(qs), "<= 1.3 x direct ZMQ",
                        ratio <= 1.3 ? "PASS" : "FAIL");
                row("execute 1+1 over WebSocket: Jupyter Server 1.23.3", ms(js), "~45 ms expected", "reference");
                row("execute 1+1 direct ZMQ (Quire client, same run)", ms(zs), "-", "reference");
                row("WS floor: same client, Vert.x echo 'kernel' (no ZMQ)", ms(es), "-", "breakdown");
                ratios.add(String.format("WS breakdown: Quire WS - direct ZMQ = %+.2f ms median; WS floor (client +"
                        + " loopback + Vert.x, no kernel) = %.2f ms; left for the gateway's relay (decode, hops to"
                        + " and from the kernel I/O thread, encode) ~ %+.2f ms", qs.medianMs() - zs.medianMs(),
                        es.medianMs(), qs.medianMs() - zs.medianMs() - es.medianMs()));
                ratios.add(String.format("WS: Quire WS / direct ZMQ median = %.2f (target <= 1.30)", ratio));
                ratios.add(String.format("WS: Jupyter Server WS / Quire WS median = %.1f", js.medianMs()
                        / qs.medianMs()));
            }
            // many clients: on one kernel, then spread over 5 kernels
            concurrent(http, quireWs, List.of(quireKernel), "1 kernel");
            List<String> five = new ArrayList<>(List.of(quireKernel));
            for (int i = 0; i < 4; i++) {
                five.add(startKernel(http, quireHttp, TOKEN));
            }
            concurrent(http, quireWs, five, "5 kernels");
        } finally {
            if (jupyter != null) {
                jupyter.close();
            }
        }
    }

    private static void wsBatch(WsKernelClient client, Stats into) throws Exception {
        Thread.sleep(20);
        for (int i = 0; i < 20; i++) {
            into.add(client.roundTrip(RT_TIMEOUT));
        }
    }

    private void concurrent(HttpClient http, String ws, List<String> kernelIds, String label) throws Exception {
        progress(clients + " WebSocket clients at once on " + label + ", " + perClient + " round trips each");
        List<WsKernelClient> open = new ArrayList<>();
        Stats latency = new Stats();
        AtomicInteger failures = new AtomicInteger();
        try {
            for (int i = 0; i < clients; i++) {
                open.add(WsKernelClient.connect(http, ws, kernelIds.get(i % kernelIds.size()), TOKEN));
            }
            for (WsKernelClient c : open) {
                c.roundTrip(RT_TIMEOUT); // warm each connection
            }
            CountDownLatch go = new CountDownLatch(1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            List<Thread> threads = new ArrayList<>();
            for (WsKernelClient c : open) {
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                        for (int i = 0; i < perClient && System.nanoTime() < deadline; i++) {
                            latency.add(c.roundTrip(RT_TIMEOUT));
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                });
                t.start();
                threads.add(t);
            }
            CpuSplit cpu = new CpuSplit();
            long t0 = System.nanoTime();
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double rate = latency.count() / seconds;
            String split = cpu.report(seconds);
            ratios.add(clients + " WS clients on " + label + ": " + split);
            progress(String.format("  %d round trips in %.2f s = %.0f/s; %s; %d failed clients", latency.count(),
                    seconds, rate, latency.summary(), failures.get()));
            row(clients + " WS clients on " + label + " (Quire): throughput",
                    String.format("%.0f round trips/s", rate), "-", failures.get() == 0 ? "info" : "FAIL");
            row(clients + " WS clients on " + label + " (Quire): latency",
                    String.format("median %.1f / p99 %.1f ms (n=%d)", latency.medianMs(), latency.p99Ms(),
                            latency.count()), "-", "info");
        } finally {
            open.forEach(WsKernelClient::close);
        }
    }

    private static String startKernel(HttpClient http, String base, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/kernels"))
                .header("Authorization", "token " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"python3\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + base + "/api/kernels: " + response.statusCode() + " "
                    + response.body());
        }
        return JSON.readTree(response.body()).path("id").asText();
    }

    // ---------------------------------------------------------------- helpers

    private void row(String figure, String value, String target, String verdict) {
        table.add(new String[] {figure, value, target, verdict});
    }

    private static String ms(Stats s) {
        return String.format("median %.2f / p99 %.2f ms (n=%d)", s.medianMs(), s.p99Ms(), s.count());
    }

    private void printTable() {
        int[] w = {6, 5, 6, 7};
        for (String[] r : table) {
            for (int i = 0; i < 4; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        String fmt = "| %-" + w[0] + "s | %-" + w[1] + "s | %-" + w[2] + "s | %-" + w[3] + "s |%n";
        System.out.println();
        System.out.printf(fmt, "figure", "value", "target", "verdict");
        System.out.printf(fmt, "-".repeat(w[0]), "-".repeat(w[1]), "-".repeat(w[2]), "-".repeat(w[3]));
        for (String[] r : table) {
            System.out.printf(fmt, (Object[]) r);
        }
        System.out.println();
        ratios.forEach(r -> System.out.println("ratio: " + r));
        System.out.printf("load average at the end: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void progress(String line) {
        System.out.println("[" + Instant.now().toString().substring(11, 19) + "] " + line);
    }

    static void killDescendants() {
        ProcessHandle.current().descendants().forEach(p -> {
            p.destroy();
        });
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp files only
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The jupyter_client helper: a /usr/bin/python3 process driven over stdin/stdout. */
    static final class JcHelper implements AutoCloseable {
        private final Process process;
        private final Writer in;
        private final BufferedReader out;

        private JcHelper(Process process) {
            this.process = process;
            this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        static JcHelper start(Path script, Path connectionFile) throws IOException {
            if (!Files.exists(connectionFile)) {
                throw new IllegalStateException("no connection file at " + connectionFile);
            }
            Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), connectionFile.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            JcHelper helper = new JcHelper(p);
            String line = helper.out.readLine();
            if (!"ready".equals(line)) {
                helper.close();
                throw new IllegalStateException("jupyter_client helper did not start: " + line);
            }
            return helper;
        }

        long[] run(int n) throws IOException {
            in.write("run " + n + "\n");
            in.flush();
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("jupyter_client helper exited");
            }
            return Arrays.stream(line.trim().split(" ")).mapToLong(Long::parseLong).toArray();
        }

        @Override
        public void close() {
            try {
                in.write("quit\n");
                in.flush();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
    }

    /** Debian's jupyter-server, started on a free loopback port with its own runtime and config folders. */
    static final class JupyterServer implements AutoCloseable {
        private final Process process;
        private final int port;
        private final HttpClient http;
        private final String token;

        private JupyterServer(Process process, int port, HttpClient http, String token) {
            this.process = process;
            this.port = port;
            this.http = http;
            this.token = token;
        }

        static JupyterServer start(Path dir, String token, HttpClient http) throws Exception {
            Files.createDirectories(dir.resolve("root"));
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder("/usr/bin/python3", "-m", "jupyter_server", "--allow-root",
                    "--no-browser", "--ip=127.0.0.1", "--port=" + port, "--port-retries=0",
                    "--ServerApp.token=" + token, "--ServerApp.root_dir=" + dir.resolve("root"))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("jupyter-server.log").toFile());
            builder.environment().put("JUPYTER_RUNTIME_DIR", dir.resolve("runtime").toString());
            builder.environment().put("JUPYTER_CONFIG_DIR", dir.resolve("config").toString());
            builder.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
            Process process = builder.start();
            JupyterServer server = new JupyterServer(process, port, http, token);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.http()
                            + "/api/status")).header("Authorization", "token " + token).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return server;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    server.close();
                    throw new IllegalStateException("Jupyter Server did not start; see its log in " + dir);
                }
                Thread.sleep(100);
            }
        }

        String http() {
            return "http://127.0.0.1:" + port;
        }

        String ws() {
            return "ws://127.0.0.1:" + port;
        }

        @Override
        public void close() {
            try {
                HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(http() + "/api/kernels"))
                        .header("Authorization", "token " + token).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                for (var k : JSON.readTree(list.body())) {
                    http.send(HttpRequest.newBuilder(URI.create(http() + "/api/kernels/" + k.path("id").asText()))
                            .header("Authorization", "token " + token).timeout(Duration.ofSeconds(10)).DELETE()
                            .build(), HttpResponse.BodyHandlers.discarding());
                }
            } catch (Exception e) {
                // killed below anyway
            }
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
