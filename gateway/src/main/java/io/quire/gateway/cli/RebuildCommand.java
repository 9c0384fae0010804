package io.quire.gateway.cli;

import io.quire.gateway.Quire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = "Throw the read models away and replay every event into them. The result is byte-identical.")
final class RebuildCommand implements Callable<Integer> {

    @Mixin
    NodeOptions node;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        long started = System.nanoTime();
        // Progress on stderr, so that stdout keeps the one summary line.
        java.io.PrintWriter err = spec.commandLine().getErr();
        try (Quire quire = Quire.start(node.settings(), true, replayed -> {
            err.printf("replayed %,d events...%n", replayed);
            err.flush();
        })) {
            quire.awaitProjections(Duration.ofHours(1));
            long events = quire.eventCount();
            double seconds = (System.nanoTime() - started) / 1e9;
            spec.commandLine().getOut().printf("rebuilt the read models from %d events in %.2f s%n", events, seconds);
        } catch (TimeoutException e) {
            throw new UserError(e.getMessage(), e);
        }
        return 0;
    }
}
