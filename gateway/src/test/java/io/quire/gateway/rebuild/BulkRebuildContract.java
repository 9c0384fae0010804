package io.quire.gateway.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.nbformat.NotebookReader;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.ExecutionOutcome;
import io.quire.domain.notebook.Kernelspec;
import io.quire.domain.notebook.command.*;
import io.quire.domain.notebook.text.TextOperation;
import io.quire.domain.run.CellOutcome;
import io.quire.domain.run.RunFailure;
import io.quire.domain.run.RunSettings;
import io.quire.domain.run.RunSource;
import io.quire.domain.run.RunTrigger;
import io.quire.domain.run.command.CancelRun;
import io.quire.domain.run.command.EndRun;
import io.quire.domain.run.command.RecordRunCellEnd;
import io.quire.domain.run.command.RecordRunCellStart;
import io.quire.domain.run.command.RecordRunOutput;
import io.quire.domain.run.command.RequestRun;
import io.quire.domain.run.command.StartRun;
import io.quire.domain.schedule.MisfirePolicy;
import io.quire.domain.schedule.ScheduleDefinition;
import io.quire.domain.schedule.VersionPolicy;
import io.quire.domain.schedule.command.CreateSchedule;
import io.quire.domain.schedule.command.DeleteSchedule;
import io.quire.domain.schedule.command.PauseSchedule;
import io.quire.domain.schedule.command.ResumeSchedule;
import io.quire.domain.schedule.command.UpdateSchedule;
import io.quire.domain.store.EventDatabase;
import io.quire.gateway.Quire;
import io.quire.gateway.QuireSettings;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code quire rebuild} replays the events in bulk, without the tracking processors: every read-model table (of the
 * notebooks, runs and schedules groups) must then hold exactly what the processors wrote event by event, and the
 * processors must go on from the last event. A rebuild cut short is done again at the next start.
 */
abstract class BulkRebuildContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Kernelspec PYTHON = new Kernelspec("python3", "Python 3", "python");
    /** Every read-model table, each ordered by its primary key. */
    private static final Map<String, String> TABLES = Map.of(
            "live_notebook", "notebook_id",
            "live_cell", "notebook_id, cell_id",
            "contents", "notebook_id",
            "version_notebook", "notebook_id",
            "notebook_version", "id",
            "version_name", "notebook_id, name",
            "run_history", "run_id",
            "schedule", "schedule_id");

    /** Settings for a fresh, empty store; the same settings reopen it. */
    abstract QuireSettings settings();

    @Test
    void everyReadModelTableIsWhatTheProcessorWrote() throws Exception {
        QuireSettings settings = settings();
        Map<String, List<String>> byProcessor = writtenByTheProcessors(settings);
        assertThat(byProcessor.get("live_cell")).hasSize(5); // a: c1, c3; b: i1, i2; c (deleted): z
        assertThat(byProcessor.get("run_history")).hasSize(3);
        assertThat(byProcessor.get("schedule")).hasSize(1); // one of two left after a delete

        try (Quire quire = Quire.start(settings, true)) {
            quire.awaitProjections(Duration.ofSeconds(60));
        }
        assertThat(tables(settings)).isEqualTo(byProcessor);

        // The processor goes on after the last replayed event, and does not apply the replayed ones again.
        try (Quire quire = Quire.start(settings, false)) {
            quire.commands().sendAndWait(new InsertCell("a", "after", null, CellType.CODE, "after = 1", "ann"));
            quire.awaitProjections(Duration.ofSeconds(60));
            assertThat(new String(quire.projections().liveNotebooks().find("a").orElseThrow().content(),
                    StandardCharsets.UTF_8)).contains("after = 1");
        }
        Map<String, List<String>> afterMore = tables(settings);
        assertThat(afterMore.get("notebook_version")).hasSize(byProcessor.get("notebook_version").size() + 1);
    }

    @Test
    void versionsKeptInAnEarlierShapeAreRebuiltAtTheNextStart() throws Exception {
        QuireSettings settings = settings();
        Map<String, List<String>> byProcessor = writtenByTheProcessors(settings);

        // Quire before 2026-11-27 keyed the versions by (notebook_id, version), without version_notebook.
        try (EventDatabase database = open(settings);
             Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("DROP TABLE notebook_version");
            statement.executeUpdate("DROP TABLE version_notebook");
            statement.executeUpdate("CREATE TABLE notebook_version (notebook_id VARCHAR(64) NOT NULL,"
                    + " version BIGINT NOT NULL, at TIMESTAMP WITH TIME ZONE NOT NULL, who VARCHAR(255) NOT NULL,"
                    + " summary VARCHAR(1000) NOT NULL, edited BOOLEAN NOT NULL, PRIMARY KEY (notebook_id, version))");
            statement.executeUpdate("INSERT INTO notebook_version VALUES ('a', 1, CURRENT_TIMESTAMP, 'old', 'old', TRUE)");
        }

        try (Quire quire = Quire.start(settings, false)) {
            quire.awaitProjections(Duration.ofSeconds(60));
            assertThat(quire.projections().versions().of("a")).first()
                    .satisfies(first -> assertThat(first.version()).isZero());
        }
        assertThat(tables(settings)).isEqualTo(byProcessor);
    }

    @Test
    void aRebuildCutShortIsDoneAgainAtTheNextStart() throws Exception {
        QuireSettings settings = settings();
        Map<String, List<String>> byProcessor = writtenByTheProcessors(settings);

        // What a crash in the middle of a rebuild leaves: the groups marked, their tokens gone, their tables
        // half-filled (here: rows missing and a row that no event made).
        try (EventDatabase database = open(settings);
             Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO read_model_rebuild (processing_group) VALUES ('notebooks')");
            statement.executeUpdate("INSERT INTO read_model_rebuild (processing_group) VALUES ('runs')");
            statement.executeUpdate("DELETE FROM TokenEntry WHERE processorName IN ('notebooks', 'runs')");
            statement.executeUpdate("DELETE FROM notebook_version WHERE id > (SELECT MIN(id) + 10 FROM notebook_version)");
            statement.executeUpdate("DELETE FROM live_cell");
            statement.executeUpdate("DELETE FROM run_history WHERE run_id = 'run-ok'");
            statement.executeUpdate("INSERT INTO version_name (notebook_id, name, version) VALUES ('a', 'junk', 3)");
        }

        try (Quire quire = Quire.start(settings, false)) {
            quire.awaitProjections(Duration.ofSeconds(60));
        }
        assertThat(tables(settings)).isEqualTo(byProcessor);
        try (EventDatabase database = open(settings);
             Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet marks = statement.executeQuery("SELECT COUNT(*) FROM read_model_rebuild")) {
            marks.next();
            assertThat(marks.getInt(1)).as("rebuild marks left").isZero();
        }
    }

    private static void writeVariedHistory(CommandGateway commands) throws Exception {
        commands.sendAndWait(new CreateNotebook("a", "team/a.ipynb", PYTHON, "ann"));
        commands.sendAndWait(new InsertCell("a", "c1", null, CellType.CODE, "x = 1", "ann"));
        commands.sendAndWait(new InsertCell("a", "c2", "c1", CellType.MARKDOWN, "# Title", "bob"));
        commands.sendAndWait(new InsertCell("a", "c3", "c2", CellType.CODE, "print(x)", "bob"));
        for (int i = 0; i < 40; i++) {
            commands.sendAndWait(new EditCellSource("a", "c1", i, TextOperation.builder().retain(5 + i)
                    .insert(i % 7 == 0 ? "\n" : "é").build(), i % 2 == 0 ? "ann" : "bob"));
        }
        commands.sendAndWait(new MoveCell("a", "c3", null, "ann"));
        commands.sendAndWait(new NameVersion("a", "draft", "ann"));
        commands.sendAndWait(new ChangeCellType("a", "c2", CellType.RAW, "bob"));
        ObjectNode metadata = JSON.createObjectNode().put("collapsed", true);
        commands.sendAndWait(new SetCellMetadata("a", "c1", metadata, "ann"));
        commands.sendAndWait(new SetCellTags("a", "c1", List.of("parameters", "slow"), "ann"));
        commands.sendAndWait(new SetNotebookMetadata("a", JSON.createObjectNode().put("title", "A"), "ann"));
        commands.sendAndWait(new RequestExecution("a", "e1", "c1", null, "ann"));
        commands.sendAndWait(new RecordExecutionStart("a", "e1", 1));
        commands.sendAndWait(new RecordOutput("a", "e1", stream("1\n"), null));
        commands.sendAndWait(new RecordOutput("a", "e1", display("first"), "d1"));
        commands.sendAndWait(new RecordOutputClear("a", "e1", true));
        commands.sendAndWait(new RecordOutput("a", "e1", stream("x".repeat(66_000)), null)); // stored as a blob
        commands.sendAndWait(new RecordDisplayUpdate("a", "e1", "d1", display("second")));
        commands.sendAndWait(new RecordExecutionEnd("a", "e1", ExecutionOutcome.OK, 1, null));
        commands.sendAndWait(new SetCellOutputs("a", "c3", List.of(stream("set\n")), 4, "bob"));
        commands.sendAndWait(new ClearOutputs("a", List.of("c3"), "bob"));
        commands.sendAndWait(new NameVersion("a", "ran", "bob"));
        commands.sendAndWait(new DeleteCell("a", "c2", "ann"));
        commands.sendAndWait(new RenameNotebook("a", "team/renamed.ipynb", "ann"));

        byte[] ipynb = ("{\"nbformat\":4,\"nbformat_minor\":5,\"metadata\":{},\"cells\":["
                + "{\"id\":\"i1\",\"cell_type\":\"markdown\",\"metadata\":{},\"source\":[\"imported\"]},"
                + "{\"id\":\"i2\",\"cell_type\":\"code\",\"metadata\":{},\"execution_count\":null,\"outputs\":[],"
                + "\"source\":[\"y = 2\\n\",\"y\"]}]}").getBytes(StandardCharsets.UTF_8);
        commands.sendAndWait(new ImportNotebook("b", "b.ipynb", new NotebookReader().read(ipynb, "b.ipynb"), "bob"));
        commands.sendAndWait(new EditCellSource("b", "i2", 0, TextOperation.builder().insert("# ").retain(7).build(),
                "bob"));
        commands.sendAndWait(new DeleteNotebook("b", "bob"));
        commands.sendAndWait(new RestoreNotebook("b", "restored/b.ipynb", "bob"));

        commands.sendAndWait(new CreateNotebook("c", "gone.ipynb", PYTHON, "cy"));
        commands.sendAndWait(new InsertCell("c", "z", null, CellType.CODE, "", "cy"));
        commands.sendAndWait(new DeleteNotebook("c", "cy"));

        writeRunsAndSchedules(commands);
    }

    @Test
    void aRebuildThatFailsSaysWhyAndIsDoneAgainAtTheNextStart() throws Exception {
        QuireSettings settings = settings();
        Map<String, List<String>> byProcessor = writtenByTheProcessors(settings);

        // An event in the middle of the history that cannot be decoded: the reading thread fails.
        long broken;
        byte[] payload;
        try (EventDatabase database = open(settings);
             Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT globalIndex, payload FROM DomainEventEntry"
                     + " WHERE payloadType LIKE '%CellSourceEdited' ORDER BY globalIndex OFFSET 20 ROWS"
                     + " FETCH FIRST 1 ROW ONLY")) {
            assertThat(row.next()).isTrue();
            broken = row.getLong(1);
            payload = row.getBytes(2);
            setPayload(connection, broken, "{not json".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> Quire.start(settings, true).close())
                .hasMessageContaining("cannot decode the stored event at global index " + broken)
                .hasMessageContaining("CellSourceEdited");

        try (EventDatabase database = open(settings);
             Connection connection = database.dataSource().getConnection()) {
            setPayload(connection, broken, payload);
        }
        try (Quire quire = Quire.start(settings, false)) {
            quire.awaitProjections(Duration.ofSeconds(60));
        }
        assertThat(tables(settings)).isEqualTo(byProcessor);
    }

    private static void setPayload(Connection connection, long globalIndex, byte[] payload) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")) {
            update.setBytes(1, payload);
            update.setLong(2, globalIndex);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    /** Runs that succeeded, failed and were cancelled, and schedules created, paused, resumed, changed, deleted. */
    private static void writeRunsAndSchedules(CommandGateway commands) {
        RunSource source = RunSource.notebook("a", "team/renamed.ipynb", 12, "0".repeat(64));
        ObjectNode parameters = JSON.createObjectNode().put("region", "emea");
        commands.sendAndWait(new RequestRun("run-ok", source, parameters, List.of("token"), RunSettings.defaults(),
                RunTrigger.USER, null, null, "ann"));
        commands.sendAndWait(new StartRun("run-ok", "k1", "python3", 2));
        commands.sendAndWait(new RecordRunCellStart("run-ok", "c1", 0));
        commands.sendAndWait(new RecordRunOutput("run-ok", "c1", stream("hello\n")));
        commands.sendAndWait(new RecordRunCellEnd("run-ok", "c1", CellOutcome.COMPLETED, 1, null));
        commands.sendAndWait(new EndRun("run-ok", null, "/out/run-ok.ipynb", null));
        commands.sendAndWait(new RequestRun("run-failed", source, parameters, List.of(), RunSettings.defaults(),
                RunTrigger.API, null, "run-ok", "bob"));
        commands.sendAndWait(new StartRun("run-failed", "k2", "python3", 1));
        commands.sendAndWait(new EndRun("run-failed", RunFailure.of(RunFailure.Kind.KERNEL_DIED, "the kernel died"),
                null, null));
        commands.sendAndWait(new RequestRun("run-cancelled", source, parameters, List.of(), RunSettings.defaults(),
                RunTrigger.USER, null, null, "ann"));
        commands.sendAndWait(new CancelRun("run-cancelled", "not needed", "ann"));

        ScheduleDefinition nightly = new ScheduleDefinition("a", "nightly", "0 0 6 * * ?", ZoneId.of("Europe/Paris"),
                parameters, null, VersionPolicy.latestNamed(), MisfirePolicy.RUN_ONCE, 1, 2, Duration.ofMinutes(1),
                Duration.ofHours(1), Duration.ofMinutes(10));
        commands.sendAndWait(new CreateSchedule("s1", nightly, "ann"));
        commands.sendAndWait(new PauseSchedule("s1", "ann"));
        commands.sendAndWait(new ResumeSchedule("s1", "bob"));
        commands.sendAndWait(new UpdateSchedule("s1", new ScheduleDefinition("a", "nightly", "0 30 6 * * ?",
                ZoneId.of("UTC"), parameters, null, VersionPolicy.latestNamed(), MisfirePolicy.SKIP, 2, 0,
                Duration.ofMinutes(1), Duration.ofHours(2), Duration.ofMinutes(5)), "bob"));
        commands.sendAndWait(new CreateSchedule("s2", nightly, "cy"));
        commands.sendAndWait(new DeleteSchedule("s2", "cy"));
    }

    private static EventDatabase open(QuireSettings settings) {
        return settings.databaseUrl() == null
                ? EventDatabase.openDirectory(settings.dataDirectory()) : EventDatabase.open(settings.databaseUrl());
    }

    private static JsonNode stream(String text) {
        return JSON.createObjectNode().put("output_type", "stream").put("name", "stdout").put("text", text);
    }

    private static JsonNode display(String text) {
        ObjectNode output = JSON.createObjectNode().put("output_type", "display_data");
        output.putObject("data").put("text/plain", text);
        output.putObject("metadata");
        return output;
    }

    /** Every row of every read-model table, as text, in primary-key order. */
    /** Writes the varied history into a fresh store; its read-model tables as the processors wrote them. */
    private static Map<String, List<String>> writtenByTheProcessors(QuireSettings settings) throws Exception {
        try (Quire quire = Quire.start(settings, false)) {
            writeVariedHistory(quire.commands());
            quire.awaitProjections(Duration.ofSeconds(60));
        }
        return tables(settings);
    }

    private static Map<String, List<String>> tables(QuireSettings settings) throws SQLException {
        try (EventDatabase database = open(settings);
             Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            Map<String, List<String>> tables = new LinkedHashMap<>();
            for (var table : new java.util.TreeMap<>(TABLES).entrySet()) {
                List<String> rows = new ArrayList<>();
                try (ResultSet row = statement.executeQuery("SELECT * FROM " + table.getKey() + " ORDER BY "
                        + table.getValue())) {
                    ResultSetMetaData columns = row.getMetaData();
                    while (row.next()) {
                        StringBuilder text = new StringBuilder();
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            Object value = row.getObject(i);
                            if (value instanceof java.sql.Blob blob) { // H2's BLOBs: compare what they hold
                                value = blob.getBytes(1, (int) blob.length());
                            }
                            text.append(columns.getColumnLabel(i)).append('=')
                                    .append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes)
                                            : String.valueOf(value)).append(' ');
                        }
                        rows.add(text.toString());
                    }
                }
                tables.put(table.getKey(), rows);
            }
            return tables;
        }
    }
}
