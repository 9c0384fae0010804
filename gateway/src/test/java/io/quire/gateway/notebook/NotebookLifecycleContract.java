package io.quire.gateway.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.Kernelspec;
import io.quire.domain.notebook.command.*;
import io.quire.domain.notebook.text.TextOperation;
import io.quire.domain.store.EventDatabase;
import io.quire.gateway.Quire;
import io.quire.gateway.QuireSettings;
import io.quire.projections.contents.ContentsEntry;
import io.quire.projections.versions.Version;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notebook's life through the whole stack (commands, event store, projections), run against each event store.
 */
abstract class NotebookLifecycleContract {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Kernelspec PYTHON = new Kernelspec("python3", "Python 3", "python");

    /** Settings for a fresh, empty store; the same settings reopen it. */
    abstract QuireSettings settings(int snapshotThreshold);

    static TextOperation op(Object... parts) {
        return TextOperation.fromJson(List.of(parts));
    }

    static List<String> sources(byte[] notebook) throws IOException {
        List<String> sources = new ArrayList<>();
        for (JsonNode cell : JSON.readTree(notebook).get("cells")) {
            StringBuilder source = new StringBuilder();
            cell.get("source").forEach(line -> source.append(line.asText()));
            sources.add(cell.get("id").asText() + ":" + source);
        }
        return sources;
    }

    @Test
    void editsVersionsAndThePastAreAllReadable() throws Exception {
        QuireSettings settings = settings(1000);
        byte[] atV1;
        Instant betweenVersions;
        try (Quire quire = Quire.start(settings, false)) {
            var commands = quire.commands();
            commands.sendAndWait(new CreateNotebook("n1", "team/a.ipynb", PYTHON, "ann"));
            commands.sendAndWait(new InsertCell("n1", "c1", null, CellType.CODE, "x = 1", "ann"));
            commands.sendAndWait(new InsertCell("n1", "c2", "c1", CellType.MARKDOWN, "# Title", "bob"));
            commands.sendAndWait(new MoveCell("n1", "c2", null, "bob"));
            commands.sendAndWait(new NameVersion("n1", "v1", "ann"));
            Notebooks notebooks = new Notebooks(quire);
            atV1 = notebooks.export("team/a.ipynb");
            assertThat(sources(atV1)).containsExactly("c2:# Title", "c1:x = 1");
            Thread.sleep(20);
            betweenVersions = Instant.now();
            Thread.sleep(20);
            commands.sendAndWait(new EditCellSource("n1", "c1", 0, op(5, "2"), "ann"));
            // bob edits revision 0 too: transformed over ann's edit
            commands.sendAndWait(new EditCellSource("n1", "c1", 0, op("y = 0\n", 5), "bob"));
            commands.sendAndWait(new DeleteCell("n1", "c2", "ann"));
            assertThat(sources(notebooks.export("team/a.ipynb"))).containsExactly("c1:y = 0\nx = 12");

            List<Version> history = notebooks.history("team/a.ipynb");
            assertThat(history).extracting(Version::version).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
            assertThat(history).extracting(Version::user).containsExactly("ann", "ann", "bob", "bob", "ann", "ann",
                    "bob", "ann");
            assertThat(history.get(4).summary()).isEqualTo("named version 3 'v1'");
            assertThat(history.get(3).name()).isEqualTo("v1");
            assertThat(history.get(6).summary()).isEqualTo("edited cell c1 (+6 -0)");

            assertThat(notebooks.exportVersion("team/a.ipynb", 3)).isEqualTo(atV1);
            assertThat(notebooks.exportAt("team/a.ipynb", betweenVersions)).isEqualTo(atV1);
        }
        // A restart reads the same; a rebuild gives the same bytes.
        byte[] live;
        try (Quire quire = Quire.start(settings, false)) {
            live = new Notebooks(quire).export("team/a.ipynb");
            assertThat(sources(live)).containsExactly("c1:y = 0\nx = 12");
            assertThat(new Notebooks(quire).exportVersion("team/a.ipynb", 3)).isEqualTo(atV1);
        }
        try (Quire quire = Quire.start(settings, true)) {
            Notebooks notebooks = new Notebooks(quire);
            assertThat(notebooks.export("team/a.ipynb")).isEqualTo(live);
            assertThat(notebooks.history("team/a.ipynb")).hasSize(8);
        }
    }

    @Test
    void concurrentEditorsOfOneCellAllLand() throws Exception {
        try (Quire quire = Quire.start(settings(1000), false)) {
            var commands = quire.commands();
            commands.sendAndWait(new CreateNotebook("n2", "b.ipynb", PYTHON, "ann"));
            commands.sendAndWait(new InsertCell("n2", "c1", null, CellType.CODE, "", "ann"));
            ExecutorService editors = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int editor = 0; editor < 8; editor++) {
                String marker = "<" + editor + ">";
                // Every editor writes against revision 0 (the empty text): all stale but the first.
                done.add(editors.submit(() -> commands.sendAndWait(
                        new EditCellSource("n2", "c1", 0, op(marker), "editor"))));
            }
            for (Future<?> future : done) {
                future.get();
            }
            editors.shutdown();
            String text = sources(new Notebooks(quire).export("b.ipynb")).get(0);
            for (int editor = 0; editor < 8; editor++) {
                assertThat(text).contains("<" + editor + ">");
            }
            assertThat(text).hasSize("c1:".length() + 8 * 3);
        }
    }

    @Test
    void longLivedNotebooksAreSnapshotted() throws Exception {
        QuireSettings settings = settings(10);
        long snapshotAt;
        try (Quire quire = Quire.start(settings, false)) {
            var commands = quire.commands();
            commands.sendAndWait(new CreateNotebook("n3", "c.ipynb", PYTHON, "ann"));
            commands.sendAndWait(new InsertCell("n3", "c1", null, CellType.CODE, "", "ann"));
            for (int i = 0; i < 30; i++) {
                commands.sendAndWait(new EditCellSource("n3", "c1", i, TextOperation.builder().retain(i).insert("x").build(), "ann"));
            }
            // The snapshot is taken on a background thread after the commit that reached the threshold.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (quire.latestSnapshot("n3").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(quire.latestSnapshot("n3")).isPresent();
            snapshotAt = quire.latestSnapshot("n3").orElseThrow().getSequenceNumber();
            // The read models must have applied the events about to be deleted (a rehearsal on PostgreSQL saw them
            // stop 4 edits short): this test removes events, which Quire itself never does.
            quire.awaitProjections(Duration.ofSeconds(30));
        }
        // Loading must start from the snapshot: with the events it covers gone, only the snapshot holds the text.
        assertThat(execute(settings, "DELETE FROM DomainEventEntry WHERE aggregateIdentifier = 'n3'"
                + " AND sequenceNumber <= " + snapshotAt)).isEqualTo(snapshotAt + 1);
        try (Quire quire = Quire.start(settings, false)) {
            // The next edit at revision 30 fits only the state as it was: the snapshot and the events after it.
            quire.commands().sendAndWait(new EditCellSource("n3", "c1", 30, op(30, "y"), "ann"));
            assertThat(sources(new Notebooks(quire).export("c.ipynb"))).containsExactly("c1:" + "x".repeat(30) + "y");
        }
    }

    @Test
    void aRestartGoesOnFromWhereTheReadModelsStopped() throws Exception {
        QuireSettings settings = settings(1000);
        try (Quire quire = Quire.start(settings, false)) {
            quire.commands().sendAndWait(new CreateNotebook("n4", "first.ipynb", PYTHON, "ann"));
            quire.awaitProjections(Duration.ofSeconds(30));
        }
        // Damage done to a read model while no node runs stays: a node that replayed every event would repair it.
        assertThat(execute(settings, "DELETE FROM contents WHERE notebook_id = 'n4'")).isEqualTo(1);
        try (Quire quire = Quire.start(settings, false)) {
            quire.commands().sendAndWait(new CreateNotebook("n5", "second.ipynb", PYTHON, "ann"));
            quire.awaitProjections(Duration.ofSeconds(30));
            assertThat(quire.projections().contents().list()).extracting(ContentsEntry::path)
                    .containsExactly("second.ipynb");
        }
        // `quire rebuild` replays them all.
        try (Quire quire = Quire.start(settings, true)) {
            assertThat(quire.projections().contents().list()).extracting(ContentsEntry::path)
                    .containsExactly("first.ipynb", "second.ipynb");
        }
    }

    /** Runs one SQL update on the store of {@code settings}, with no node running; returns the rows changed. */
    private static long execute(QuireSettings settings, String update) throws SQLException {
        try (EventDatabase database = settings.databaseUrl() == null
                ? EventDatabase.openDirectory(settings.dataDirectory()) : EventDatabase.open(settings.databaseUrl());
             Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            return statement.executeUpdate(update);
        }
    }
}
