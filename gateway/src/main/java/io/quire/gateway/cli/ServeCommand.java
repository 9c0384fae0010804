package io.quire.gateway.cli;

import io.quire.gateway.Quire;
import io.quire.gateway.http.Features;
import io.quire.gateway.http.QuireServer;
import io.quire.gateway.http.ServerSettings;
import io.quire.gateway.users.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start Quire: a Jupyter-compatible server (REST + WebSocket) that records everything.",
                "Any Jupyter client works against it; every edit and execution becomes an event."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "The address to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
    String host;

    @Option(names = "--port", paramLabel = "PORT",
            description = "The port to listen on (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "The server's token. Default: $QUIRE_TOKEN, else a new random one, printed at start.")
    String token;

    @Option(names = "--kernel-pool", paramLabel = "N",
            description = "Keep N kernels started ahead of need, per kernelspec in use, so a new kernel is ready at"
                    + " once (0: start each on demand). Default: ${DEFAULT-VALUE}.")
    int kernelPool;

    @Option(names = "--cull-idle", paramLabel = "SECONDS",
            description = "Stop kernels idle, with no client connected, for this long (0: never). Default: ${DEFAULT-VALUE}.")
    long cullIdleSeconds;

    @Mixin
    NodeOptions node;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        String serverToken = token != null ? token : Users.newToken();
        if (kernelPool < 0 || cullIdleSeconds < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--kernel-pool and --cull-idle must be 0 or more");
        }
        Quire quire = Quire.start(node.settings().withKernels(kernelPool, java.time.Duration.ofSeconds(cullIdleSeconds)),
                false);
        QuireServer server;
        try {
            server = QuireServer.start(quire, quire.users(), new ServerSettings(host, port, serverToken, node.user(),
                    ServerSettings.DEFAULT_MAX_BODY_BYTES), Features.all(quire));
        } catch (IllegalStateException e) {
            quire.close();
            throw new UserError(e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // Graceful shutdown on SIGTERM/SIGINT: stop taking requests, stop kernels, then close the store.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            quire.close();
            stopped.countDown();
        }, "quire-shutdown"));
        var out = spec.commandLine().getOut();
        String shown = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        out.printf("Quire is serving at http://%s:%d/?token=%s%n", shown, server.port(), serverToken);
        out.printf("Data: %s. Stop with Ctrl-C.%n", node.settings().dataDirectory());
        out.flush();
        try {
            quire.startScheduling(null);
        } catch (Exception e) {
            server.close();
            quire.close();
            throw new UserError("cannot start the schedules: " + e.getMessage(), e);
        }
        int abandoned = new io.quire.gateway.runs.Runs(quire).endAbandoned();
        if (abandoned > 0) {
            out.printf("%d run(s) left unfinished by an earlier Quire were marked failed%n", abandoned);
            out.flush();
        }
        stopped.await();
        return 0;
    }
}
