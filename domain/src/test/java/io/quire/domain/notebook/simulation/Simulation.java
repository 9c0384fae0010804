package io.quire.domain.notebook.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.domain.notebook.Kernelspec;
import io.quire.domain.notebook.command.CreateNotebook;
import io.quire.domain.notebook.command.EditCellSource;
import io.quire.domain.notebook.event.CellDeleted;
import io.quire.domain.notebook.event.CellInserted;
import io.quire.domain.notebook.event.CellMoved;
import io.quire.domain.notebook.event.CellSourceEdited;
import io.quire.domain.notebook.simulation.InMemoryNotebookServer.Outcome;
import io.quire.domain.notebook.simulation.Replica.CellView;
import io.quire.domain.notebook.simulation.SimulatedClient.EditIntent;
import io.quire.domain.notebook.simulation.SimulatedClient.Intent;
import io.quire.domain.notebook.simulation.SimulatedClient.TextEdits;
import io.quire.domain.notebook.text.TextComponent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One run: clients take turns at random, each first perhaps catching up on part of the server's events, then
 * sending one command based on its view. Every outcome is checked as it happens; at the end every client catches
 * up and all views, a fresh replay and the aggregate as the repository loads it must agree. Any failure is
 * reported with the seed and every command sent, so the run can be replayed.
 */
final class Simulation {

    record Settings(long seed, int clients, int commands, TextEdits textEdits) {
    }

    /** Counts of what happened, to show a run exercised concurrency. */
    record Report(int accepted, int rejected, int staleEdits, int events, int liveCells) {
    }

    private static final Kernelspec PYTHON = new Kernelspec("python3", "Python 3", "python");

    private final InMemoryNotebookServer server;
    private final Settings settings;
    private final Random random;
    private final String notebookId;
    private final List<SimulatedClient> clients = new ArrayList<>();
    private final Replica truth = new Replica();
    private final List<Object> stream = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final List<EditIntent> acceptedEdits = new ArrayList<>();
    private int accepted;
    private int rejected;
    private int staleEdits;

    private Simulation(InMemoryNotebookServer server, Settings settings) {
        this.server = server;
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.notebookId = "sim-" + settings.textEdits() + "-" + settings.seed();
        for (int i = 0; i < settings.clients(); i++) {
            clients.add(new SimulatedClient(i));
        }
    }

    static Report run(InMemoryNotebookServer server, Settings settings) {
        Simulation simulation = new Simulation(server, settings);
        try {
            simulation.create();
            for (int step = 0; step < settings.commands(); step++) {
                simulation.step(step);
            }
            simulation.finish();
        } catch (Throwable failure) {
            throw new AssertionError(simulation.failureReport(failure), failure);
        }
        return new Report(simulation.accepted, simulation.rejected, simulation.staleEdits, simulation.stream.size(),
                simulation.truth.ids().size());
    }

    private void create() {
        Outcome outcome = server.send(notebookId, new CreateNotebook(notebookId, "sim/" + notebookId + ".ipynb",
                PYTHON, clients.get(0).user()));
        assertThat(outcome.accepted()).as("creating the notebook").isTrue();
        record(outcome);
    }

    private void step(int step) {
        SimulatedClient client = clients.get(random.nextInt(clients.size()));
        if (random.nextInt(100) < 35) {
            int seen = client.replica().applied();
            int upTo = random.nextBoolean() ? stream.size() : seen + random.nextInt(stream.size() - seen + 1);
            client.catchUp(stream, upTo);
        }
        boolean reload = random.nextInt(10) == 0;
        if (reload) {
            server.reload();
        }
        Intent intent = client.next(random, notebookId, settings.textEdits());
        String line = "#" + step + (reload ? " [server reloads the notebook from its events]" : "") + " "
                + client.user() + " (seen " + client.replica().applied() + "/" + stream.size() + " events) "
                + intent.description();
        log.add(line);
        Outcome outcome = server.send(notebookId, intent.command());
        log.set(log.size() - 1, (line + "  ->  " + describe(outcome)).replace("\n", "\\n"));
        OutcomeChecks.check(truth, intent, outcome);
        if (intent.edit() != null && outcome.accepted()) {
            EditCellSource edit = intent.edit().command();
            if (edit.baseRevision() < truth.cell(edit.cellId()).revision()) {
                staleEdits++;
            }
        }
        record(outcome);
        if (intent.edit() != null && outcome.accepted()) {
            OutcomeChecks.checkPlacement(truth, intent.edit());
            acceptedEdits.add(intent.edit());
        }
    }

    private static String describe(Outcome outcome) {
        if (!outcome.accepted()) {
            return "refused " + outcome.rejection().reason() + ": " + outcome.rejection().getMessage();
        }
        if (outcome.events().isEmpty()) {
            return "accepted, nothing to change";
        }
        StringBuilder events = new StringBuilder();
        for (Object event : outcome.events()) {
            if (event instanceof CellInserted e) {
                events.append("CellInserted ").append(e.cellId()).append(" after ").append(e.afterCellId());
            } else if (event instanceof CellDeleted e) {
                events.append("CellDeleted ").append(e.cellId());
            } else if (event instanceof CellMoved e) {
                events.append("CellMoved ").append(e.cellId()).append(" after ").append(e.afterCellId());
            } else if (event instanceof CellSourceEdited e) {
                events.append("CellSourceEdited ").append(e.cellId()).append(" r").append(e.revision()).append(' ')
                        .append(e.operation());
            } else {
                events.append(event);
            }
            events.append("; ");
        }
        return events.substring(0, events.length() - 2);
    }

    private void record(Outcome outcome) {
        if (outcome.accepted()) {
            accepted++;
        } else {
            rejected++;
        }
        truth.applyAll(outcome.events());
        stream.addAll(outcome.events());
    }

    private void finish() {
        assertThat(server.events(notebookId, 0)).as("the event store holds what the commands appended")
                .isEqualTo(stream);
        List<CellView> cells = truth.cells();
        for (SimulatedClient client : clients) {
            client.catchUp(stream, stream.size());
            assertThat(client.replica().cells()).as("client %s once caught up", client.user()).isEqualTo(cells);
        }
        Replica replay = new Replica();
        replay.applyAll(server.events(notebookId, 0));
        assertThat(replay.cells()).as("a fresh replay of the event store").isEqualTo(cells);
        checkLoadedAggregate(cells);
        checkCells();
        checkMarkers();
    }

    /** The aggregate as the repository loads it holds the same order, types, texts and revisions. */
    private void checkLoadedAggregate(List<CellView> cells) {
        JsonNode state = server.loadedState(notebookId);
        assertThat(server.throughSnapshot(state)).as("the aggregate read back from its JSON form").isEqualTo(state);
        List<String> live = new ArrayList<>();
        state.path("order").path("live").forEach(id -> live.add(id.asText()));
        assertThat(live).as("the loaded aggregate's cell order").isEqualTo(truth.ids());
        List<String> textIds = new ArrayList<>();
        state.path("texts").fieldNames().forEachRemaining(textIds::add);
        assertThat(textIds).as("the loaded aggregate keeps texts of live cells only")
                .containsExactlyInAnyOrderElementsOf(truth.ids());
        for (CellView cell : cells) {
            JsonNode text = state.path("texts").path(cell.id());
            assertThat(text.path("source").asText()).as("source of %s in the loaded aggregate", cell.id())
                    .isEqualTo(cell.source());
            assertThat(text.path("revision").asLong()).as("revision of %s", cell.id()).isEqualTo(cell.revision());
            assertThat(state.path("types").path(cell.id()).asText()).isEqualTo(cell.type().nbformatName());
        }
    }

    /** No cell twice; exactly the inserted cells that were not deleted are there. */
    private void checkCells() {
        assertThat(truth.ids()).as("cell ids").doesNotHaveDuplicates();
        Set<String> expected = new LinkedHashSet<>();
        for (Object event : stream) {
            if (event instanceof CellInserted e) {
                assertThat(expected.add(e.cellId())).as("%s inserted once", e.cellId()).isTrue();
            } else if (event instanceof CellDeleted e) {
                assertThat(expected.remove(e.cellId())).as("%s deleted while live", e.cellId()).isTrue();
            }
        }
        assertThat(truth.ids()).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Every accepted insert no accepted delete removed is in its cell, whole, where its sender put it. */
    private void checkMarkers() {
        if (settings.textEdits() == TextEdits.INSERT_ONLY) {
            assertThat(truth.deletedChars()).as("insert-only edits remove nothing").isEmpty();
        }
        for (EditIntent edit : acceptedEdits) {
            CellView cell = truth.cell(edit.command().cellId());
            if (cell == null) {
                continue;
            }
            OutcomeChecks.checkPlacement(truth, edit);
            Set<Long> present = new HashSet<>(cell.chars());
            for (Long id : edit.inserted()) {
                assertThat(present.contains(id) || truth.deletedChars().contains(id))
                        .as("inserted %s of %s is in the result or was deleted by an accepted edit",
                                Marks.describe(id), edit.command().operation()).isTrue();
            }
            for (String marker : Marks.markersIn(insertedText(edit))) {
                List<Long> markerChars = Marks.insertedChars(marker);
                if (present.containsAll(markerChars)) {
                    int at = cell.chars().indexOf(markerChars.get(0));
                    assertThat(cell.chars().subList(at, at + markerChars.size())).isEqualTo(markerChars);
                    String source = cell.source();
                    int offset = source.offsetByCodePoints(0, at);
                    assertThat(source.substring(offset)).as("marker %s in %s", marker, cell.id()).startsWith(marker);
                }
                if (settings.textEdits() == TextEdits.INSERT_ONLY) {
                    assertThat(cell.source().split(Pattern.quote(marker), -1))
                            .as("%s in %s exactly once", marker, cell.source()).hasSize(2);
                }
            }
            if (settings.textEdits() == TextEdits.INSERT_ONLY) {
                List<String> meant = Marks.markersIn(edit.intendedSource());
                assertThat(Marks.markersIn(cell.source()).stream().filter(meant::contains).toList())
                        .as("markers of %s in the order its sender saw them", edit.command().operation())
                        .isEqualTo(meant);
            }
        }
    }

    private static String insertedText(EditIntent edit) {
        StringBuilder text = new StringBuilder();
        for (TextComponent component : edit.command().operation().components()) {
            if (component instanceof TextComponent.Insert insert) {
                text.append(insert.text());
            }
        }
        return text.toString();
    }

    private String failureReport(Throwable failure) {
        StringBuilder report = new StringBuilder();
        report.append("simulation failed: ").append(settings).append(", notebook ").append(notebookId).append('\n')
                .append("replay: cd /work/main && mvn -q -o -pl domain test -Dtest='NotebookConvergenceTest'")
                .append(" -Dquire.simulation.seeds=").append(settings.seed()).append('\n')
                .append("failure: ").append(failure).append('\n')
                .append("commands (").append(log.size()).append("):\n");
        log.forEach(line -> report.append("  ").append(line).append('\n'));
        report.append("server's cells now:\n");
        truth.cells().forEach(cell -> report.append("  ").append(cell.id()).append(" r").append(cell.revision())
                .append(' ').append(cell.type().nbformatName()).append(" \"")
                .append(cell.source().replace("\n", "\\n")).append("\"\n"));
        return report.toString();
    }
}
