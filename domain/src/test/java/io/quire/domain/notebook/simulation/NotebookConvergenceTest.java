package io.quire.domain.notebook.simulation;

import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.Kernelspec;
import io.quire.domain.notebook.command.CreateNotebook;
import io.quire.domain.notebook.command.EditCellSource;
import io.quire.domain.notebook.command.InsertCell;
import io.quire.domain.notebook.simulation.Simulation.Report;
import io.quire.domain.notebook.simulation.Simulation.Settings;
import io.quire.domain.notebook.simulation.SimulatedClient.TextEdits;
import io.quire.domain.notebook.text.TextOperation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * N clients make random concurrent inserts, deletes, moves and text edits with stale revisions against the real
 * aggregate; every client that applies the server's events ends with the same cells in the same order and the same
 * text, no cell is lost or duplicated, and every accepted edit is visible in the result.
 *
 * <p>Seeds are explicit: {@code -Dquire.simulation.seeds=17} replays one, {@code =0-4999} runs a longer soak.
 */
class NotebookConvergenceTest {

    private static final int COMMANDS = 200;
    private InMemoryNotebookServer server;

    @BeforeEach
    void startServer() {
        server = new InMemoryNotebookServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    static LongStream seeds() {
        return seeds("0-99");
    }

    static LongStream insertOnlySeeds() {
        return seeds("0-29");
    }

    private static LongStream seeds(String byDefault) {
        String seeds = System.getProperty("quire.simulation.seeds", byDefault).trim();
        if (seeds.contains("-")) {
            String[] range = seeds.split("-");
            return LongStream.rangeClosed(Long.parseLong(range[0].trim()), Long.parseLong(range[1].trim()));
        }
        return Arrays.stream(seeds.split(",")).mapToLong(seed -> Long.parseLong(seed.trim()));
    }

    private static int clientsFor(long seed) {
        return 2 + (int) Math.floorMod(seed, 5L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void clientsWithStaleViewsConvergeOnOneOrderAndTextKeepingEveryAcceptedEdit(long seed) {
        Simulation.run(server, new Settings(seed, clientsFor(seed), COMMANDS, TextEdits.MIXED));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("insertOnlySeeds")
    void everyAcceptedInsertAppearsExactlyOnceInTheOrderItsSenderSaw(long seed) {
        Simulation.run(server, new Settings(seed, clientsFor(seed), COMMANDS, TextEdits.INSERT_ONLY));
    }

    /** Guards the simulation itself: it must produce stale edits, refusals and real contention, not pass vacuously. */
    @Test
    void theSimulationExercisesStaleEditsAndRefusals() {
        List<Report> reports = new ArrayList<>();
        for (long seed = 1_000_000; seed < 1_000_008; seed++) {
            reports.add(Simulation.run(server, new Settings(seed, clientsFor(seed), COMMANDS, TextEdits.MIXED)));
        }
        assertThat(reports.stream().mapToInt(Report::staleEdits).sum()).as("accepted edits transformed")
                .isGreaterThan(80);
        assertThat(reports.stream().mapToInt(Report::rejected).sum()).as("refused commands").isPositive();
        assertThat(reports.stream().mapToInt(Report::accepted).sum()).as("accepted commands")
                .isGreaterThan(reports.stream().mapToInt(Report::rejected).sum() * 3);
        assertThat(reports).allSatisfy(report -> assertThat(report.liveCells()).isPositive());
    }

    @Test
    void twoEditsOfOneRevisionAtOnePlaceKeepTheFirstAcceptedTextFirst() {
        assertThat(concurrentInsertsAt("nb-ab", "⟦c1-1⟧", "⟦c2-1⟧")).isEqualTo("ab⟦c1-1⟧⟦c2-1⟧c⟦c0-2⟧");
        assertThat(concurrentInsertsAt("nb-ba", "⟦c2-1⟧", "⟦c1-1⟧")).isEqualTo("ab⟦c2-1⟧⟦c1-1⟧c⟦c0-2⟧");
    }

    /** The aggregate keeps the last 256 edits of a cell (CellText.HISTORY) to transform stale edits over. */
    @Test
    void anEditOlderThanTheKeptHistoryIsRefusedAndOneJustWithinItLandsWhereItsSenderPutIt() {
        String notebookId = "nb-history";
        accept(notebookId, new CreateNotebook(notebookId, "a.ipynb", new Kernelspec("python3", "Python 3", "python"),
                "c0"));
        accept(notebookId, new InsertCell(notebookId, "c0-0", null, CellType.CODE, "", "c0"));
        String text = "";
        for (int revision = 0; revision <= 256; revision++) {
            String marker = Marks.marker(0, revision + 1);
            accept(notebookId, new EditCellSource(notebookId, "c0-0", revision,
                    TextOperation.builder().retain(text.codePointCount(0, text.length())).insert(marker).build(), "c0"));
            text += marker;
        }
        String first = Marks.marker(0, 1);
        InMemoryNotebookServer.Outcome tooOld = server.send(notebookId, new EditCellSource(notebookId, "c0-0", 0,
                TextOperation.fromJson(List.of(Marks.marker(1, 1))), "c1"));
        assertThat(tooOld.rejection()).isNotNull();
        assertThat(tooOld.rejection().getMessage()).contains("revision 0").contains("reload");
        accept(notebookId, new EditCellSource(notebookId, "c0-0", 1,
                TextOperation.fromJson(List.of(Marks.marker(1, 2), first.codePointCount(0, first.length()))), "c1"));
        Replica replica = new Replica();
        replica.applyAll(server.events(notebookId, 0));
        assertThat(replica.cell("c0-0").source()).isEqualTo(Marks.marker(1, 2) + text);
        assertThat(replica.cell("c0-0").revision()).isEqualTo(258);
    }

    /** Both clients see revision 1 ("abc⟦c0-2⟧") and insert after "ab"; {@code first} reaches the server first. */
    private String concurrentInsertsAt(String notebookId, String first, String second) {
        accept(notebookId, new CreateNotebook(notebookId, "a.ipynb", new Kernelspec("python3", "Python 3", "python"),
                "c0"));
        accept(notebookId, new InsertCell(notebookId, "c0-1", null, CellType.CODE, "abc", "c0"));
        accept(notebookId, new EditCellSource(notebookId, "c0-1", 0, TextOperation.fromJson(List.of(3, "⟦c0-2⟧")),
                "c0"));
        SimulatedClient one = new SimulatedClient(1);
        SimulatedClient two = new SimulatedClient(2);
        List<Object> stream = server.events(notebookId, 0);
        one.catchUp(stream, stream.size());
        two.catchUp(stream, stream.size());
        assertThat(one.replica().cell("c0-1").source()).isEqualTo("abc⟦c0-2⟧");
        accept(notebookId, new EditCellSource(notebookId, "c0-1", 1, TextOperation.fromJson(List.of(2, first, 7)),
                "c1"));
        accept(notebookId, new EditCellSource(notebookId, "c0-1", 1, TextOperation.fromJson(List.of(2, second, 7)),
                "c2"));
        stream = server.events(notebookId, 0);
        one.catchUp(stream, stream.size());
        two.catchUp(stream, stream.size());
        assertThat(one.replica().cells()).isEqualTo(two.replica().cells());
        assertThat(one.replica().cell("c0-1").revision()).isEqualTo(3);
        assertThat(server.loadedState(notebookId).path("texts").path("c0-1").path("source").asText())
                .isEqualTo(one.replica().cell("c0-1").source());
        return one.replica().cell("c0-1").source();
    }

    private void accept(String notebookId, Object command) {
        InMemoryNotebookServer.Outcome outcome = server.send(notebookId, command);
        assertThat(outcome.rejection()).as("%s was refused", command).isNull();
    }
}
