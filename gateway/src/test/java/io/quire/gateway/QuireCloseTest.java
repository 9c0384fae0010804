package io.quire.gateway;

import io.quire.domain.notebook.Kernelspec;
import io.quire.domain.notebook.command.CreateNotebook;
import io.quire.domain.store.EventDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Alone: it tells its node's event store readers from others' by when they started. */
@Isolated
class QuireCloseTest {

    private static final String READER = "quire-event-reader";

    @TempDir
    Path data;

    /**
     * The event store's reader must not outlive the node: it holds a database connection while it fetches, and
     * after the database closed it failed and logged an error (seen when a test dropped the database right after).
     */
    @Test
    void closingWaitsForTheEventStoresReader() throws Exception {
        Set<Thread> before = readers();
        try (Quire quire = Quire.start(QuireSettings.embedded(data), false)) {
            quire.commands().sendAndWait(new CreateNotebook("n", "n.ipynb",
                    new Kernelspec("python3", "Python 3", "python"), "ann"));
            quire.awaitProjections(Duration.ofSeconds(30));
            assertThat(newReaders(before)).as("the node's reader while it runs").isNotEmpty();
        }
        assertThat(newReaders(before)).as("the node's readers alive after close").isEmpty();
    }

    /**
     * A node closed while its processors still start (every short CLI command) must leave no claim behind: Axon
     * kept one in the table in that case, and the next node's read models stood still for the 10 s claim timeout.
     */
    @Test
    void aNodeClosedAsItStartsLeavesNoClaimBehind() throws Exception {
        for (int round = 0; round < 5; round++) {
            Quire.start(QuireSettings.embedded(data), false).close();
            try (EventDatabase database = EventDatabase.openDirectory(data);
                 Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet claimed = statement.executeQuery(
                         "SELECT processorName, owner FROM TokenEntry WHERE owner IS NOT NULL")) {
                assertThat(claimed.next()).as("a claim left after round %d", round).isFalse();
            }
        }
    }

    /** Readers started since {@code before}: only this test's node starts any meanwhile (it runs alone). */
    private static Set<Thread> newReaders(Set<Thread> before) {
        return LiveThreads.namedSince(before, READER::equals);
    }

    private static Set<Thread> readers() {
        return LiveThreads.named(READER::equals);
    }
}
