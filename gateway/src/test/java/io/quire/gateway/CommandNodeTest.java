package io.quire.gateway;

import io.quire.domain.notebook.Kernelspec;
import io.quire.domain.notebook.command.CreateNotebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Alone: it tells its nodes' event processor threads from others' (a shared test server's) by when they started. */
@Isolated
class CommandNodeTest {

    private static final Kernelspec PYTHON = new Kernelspec("python3", "Python 3", "python");

    @TempDir
    Path data;

    @Test
    void aNodeForACommandStartsItsProcessorsOnlyWhenAReadFindsTheReadModelsBehind() throws Exception {
        Set<Thread> before = processorThreads();
        try (Quire quire = Quire.start(QuireSettings.embedded(data), false)) {
            quire.commands().sendAndWait(new CreateNotebook("n", "n.ipynb", PYTHON, "ann"));
            quire.awaitProjections(Duration.ofSeconds(30));
        }
        assertThat(newThreads(before)).as("a closed node's processors").isEmpty();

        try (Quire quire = Quire.startForCommand(QuireSettings.embedded(data))) {
            quire.awaitProjections(Duration.ofSeconds(30));
            assertThat(quire.projections().contents().notebookAt("n.ipynb")).isPresent();
            assertThat(newThreads(before)).as("processors of a node whose read models are up to date").isEmpty();

            quire.commands().sendAndWait(new CreateNotebook("m", "m.ipynb", PYTHON, "ann"));
            quire.awaitProjections(Duration.ofSeconds(30));
            assertThat(quire.projections().contents().notebookAt("m.ipynb")).as("the command's own write").isPresent();
            assertThat(newThreads(before)).as("processors started for the write").hasSize(3);
        }
    }

    private static Set<Thread> newThreads(Set<Thread> before) {
        return LiveThreads.namedSince(before, name -> name.startsWith("EventProcessor["));
    }

    private static Set<Thread> processorThreads() {
        return LiveThreads.named(name -> name.startsWith("EventProcessor["));
    }
}
