package io.quire.projections.notebook;

import io.quire.domain.nbformat.NotebookWriter;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.Kernelspec;
import io.quire.domain.notebook.event.CellInserted;
import io.quire.domain.notebook.event.CellMoved;
import io.quire.domain.notebook.event.CellOutputsSet;
import io.quire.domain.notebook.event.CellSourceEdited;
import io.quire.domain.notebook.event.NotebookCreated;
import io.quire.domain.notebook.event.NotebookEvent;
import io.quire.domain.notebook.text.TextOperation;
import io.quire.projections.jdbc.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live notebook table keeps each cell as a head (outputs and all before the source) and a tail (the source):
 * typing rewrites the tail only, and the stored notebook is still, byte for byte, what nbformat writes.
 */
class LiveNotebooksTest {

    private final String url = "jdbc:h2:mem:live-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final Sql sql = new Sql(() -> DriverManager.getConnection(url));
    private final LiveNotebooks table = new LiveNotebooks(sql);
    private final NotebookDocument document = new NotebookDocument("n");
    private long sequence;

    @BeforeEach
    void createTables() {
        table.createTables();
        apply(new NotebookCreated("n", "a.ipynb", new Kernelspec("python3", "Python 3", "python"), "ann"));
        apply(new CellInserted("n", "c1", null, CellType.CODE, "plot()", "ann"));
        apply(new CellInserted("n", "c2", "c1", CellType.CODE, "x = 1", "ann"));
        apply(new CellOutputsSet("n", "c1", List.of(NotebookDocumentTest.json(
                "{'output_type': 'display_data', 'data': {'image/png': '" + "iVBOR".repeat(2_000) + "'},"
                        + " 'metadata': {}}")), 1, "ann"));
        table.save(List.of(document));
    }

    private void apply(NotebookEvent event) {
        document.apply(event, sequence++);
    }

    private byte[] stored() {
        return table.find("n").orElseThrow().content();
    }

    private String storedHead(String cellId) {
        return sql.query("SELECT head FROM live_cell WHERE cell_id = ?", row -> new String(row.getBytes(1)), cellId)
                .get(0);
    }

    @Test
    void typingRewritesTheSourceOnlyAndTheNotebookReadsAsNbformatWritesIt() {
        String headBefore = storedHead("c1");
        apply(new CellSourceEdited("n", "c1", 1, TextOperation.fromJson(List.of(4, "ted", 2)), "ann"));
        apply(new CellSourceEdited("n", "c1", 2, TextOperation.fromJson(List.of(9, "  # é")), "ann"));
        table.save(List.of(document));

        assertThat(stored()).isEqualTo(new NotebookWriter().write(document.content()));
        assertThat(new String(stored())).contains("plotted()  # é");
        assertThat(storedHead("c1")).isEqualTo(headBefore);
        assertThat(table.find("n").orElseThrow().revisions()).containsEntry("c1", 2L);
    }

    @Test
    void aCellWhoseOutputsChangedWithItsSourceIsWrittenWhole() {
        apply(new CellSourceEdited("n", "c2", 1, TextOperation.fromJson(List.of(4, -1, "2")), "ann"));
        apply(new CellOutputsSet("n", "c2", List.of(NotebookDocumentTest.json(
                "{'output_type': 'stream', 'name': 'stdout', 'text': 'two'}")), 2, "ann"));
        apply(new CellMoved("n", "c2", null, "ann"));
        table.save(List.of(document));

        assertThat(stored()).isEqualTo(new NotebookWriter().write(document.content()));
        assertThat(new String(stored())).contains("x = 2").contains("two");
        assertThat(storedHead("c2")).contains("two");
    }

    @Test
    void aSourceEditAfterAMoveKeepsTheNewOrder() {
        apply(new CellMoved("n", "c2", null, "ann"));
        apply(new CellSourceEdited("n", "c1", 1, TextOperation.fromJson(List.of(6, "\n")), "ann"));
        table.save(List.of(document));

        assertThat(stored()).isEqualTo(new NotebookWriter().write(document.content()));
        assertThat(table.find("n").orElseThrow().content()).isEqualTo(stored());
        assertThat(new String(stored()).indexOf("x = 1")).isLessThan(new String(stored()).indexOf("plot()"));
    }
}
