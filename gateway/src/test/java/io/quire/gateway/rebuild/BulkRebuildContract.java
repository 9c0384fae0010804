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
import io.quire.domain.store.EventDatabase;
import io.quire.gateway.Quire;
import io.quire.gateway.QuireSettings;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code quire rebuild} replays the notebook events in bulk, without the tracking processor: every read-model table
 * must then hold exactly what the processor wrote event by event, and the processor must go on from the last event.
 */
abstract class BulkRebuildContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Kernelspec PYTHON = new Kernelspec("python3", "Python 3", "python");
    /** Every table of the notebook read models, each ordered by its primary key. */
    private static final Map<String, String> TABLES = Map.of(
            "live_notebook", "notebook_id",
            "live_cell", "notebook_id, cell_id",
            "contents", "notebook_id",
            "notebook_version", "notebook_id, version",
            "version_name", "notebook_id, name");

    /** Settings for a fresh, empty store; the same settings reopen it. */
    abstract QuireSettings settings();

    @Test
    void everyReadModelTableIsWhatTheProcessorWrote() throws Exception {
        QuireSettings settings = settings();
        try (Quire quire = Quire.start(settings, false)) {
            writeVariedHistory(quire.commands());
            quire.awaitProjections(Duration.ofSeconds(60));
        }
        Map<String, List<String>> byProcessor = tables(settings);
        assertThat(byProcessor.get("live_cell")).hasSize(5); // a: c1, c3; b: i1, i2; c (deleted): z

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
    private static Map<String, List<String>> tables(QuireSettings settings) throws SQLException {
        try (EventDatabase database = settings.databaseUrl() == null
                ? EventDatabase.openDirectory(settings.dataDirectory()) : EventDatabase.open(settings.databaseUrl());
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
