package io.quire.gateway;

import io.quire.domain.notebook.Kernelspec;
import io.quire.domain.notebook.command.CreateNotebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Alone: it counts the JVM's event processor threads. */
@Isolated
class CommandNodeTest {

    private static final Kernelspec PYTHON = new Kernelspec("python3", "Python 3", "python");

    @TempDir
    Path data;

    @Test
    void aNodeForACommandStartsItsProcessorsOnlyWhenAReadFindsTheReadModelsBehind() throws Exception {
        try (Quire quire = Quire.start(QuireSettings.embedded(data), false)) {
            quire.commands().sendAndWait(new CreateNotebook("n", "n.ipynb", PYTHON, "ann"));
            quire.awaitProjections(Duration.ofSeconds(30));
        }
        assertThat(processorThreads()).as("a closed node's processors").isZero();

        try (Quire quire = Quire.startForCommand(QuireSettings.embedded(data))) {
            quire.awaitProjections(Duration.ofSeconds(30));
            assertThat(quire.projections().contents().notebookAt("n.ipynb")).isPresent();
            assertThat(processorThreads()).as("processors of a node whose read models are up to date").isZero();

            quire.commands().sendAndWait(new CreateNotebook("m", "m.ipynb", PYTHON, "ann"));
            quire.awaitProjections(Duration.ofSeconds(30));
            assertThat(quire.projections().contents().notebookAt("m.ipynb")).as("the command's own write").isPresent();
            assertThat(processorThreads()).as("processors started for the write").isEqualTo(3);
        }
    }

    private static long processorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("EventProcessor[")).count();
    }
}
