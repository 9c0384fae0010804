package io.quire.projections.notebook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.nbformat.NotebookReader;
import io.quire.domain.nbformat.NotebookWriter;
import io.quire.domain.notebook.Cell;
import io.quire.projections.contents.ContentsEntry;
import io.quire.projections.jdbc.ProjectionStorageException;
import io.quire.projections.jdbc.Sql;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live notebook read model: for each notebook its path, whether it is deleted, its version, its content as
 * nbformat 4.5 bytes (what an export returns) and its cells' revisions.
 *
 * <p>Stored cell by cell: a row per notebook (path, version, notebook metadata) and a row per cell (its position,
 * revision, output trail, and the cell as nbformat lays it out in the file, in two parts: its head, everything
 * before the source, and its tail, the source to the end). An edit rewrites the one cell it changed; writing the
 * whole notebook per change cost as much as Jupyter's save (5 MB for a 500-cell notebook). Typing rewrites only the
 * tail: the head holds the outputs, a plot's hundreds of KB, which were written again with every keystroke's batch.
 * Reads assemble the file from the cells, byte for byte what {@link NotebookWriter#write} gives.
 */
public class LiveNotebooks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sql sql;
    private final NotebookReader reader = new NotebookReader();
    private final NotebookWriter writer = new NotebookWriter();
    private final CellHeads heads = new CellHeads(writer);

    public LiveNotebooks(Sql sql) {
        this.sql = sql;
    }

    void createTables() {
        sql.ddl("CREATE TABLE IF NOT EXISTS live_notebook (notebook_id VARCHAR(64) PRIMARY KEY,"
                        + " path VARCHAR(1024) NOT NULL, deleted BOOLEAN NOT NULL, version BIGINT NOT NULL,"
                        + " metadata " + sql.binaryType() + " NOT NULL)",
                "CREATE TABLE IF NOT EXISTS live_cell (notebook_id VARCHAR(64) NOT NULL, cell_id VARCHAR(64) NOT NULL,"
                        + " position INT NOT NULL, revision BIGINT NOT NULL, trail " + sql.binaryType() + ","
                        + " head " + sql.binaryType() + " NOT NULL, tail " + sql.inlineBinaryType() + " NOT NULL,"
                        + " PRIMARY KEY (notebook_id, cell_id))");
    }

    void dropTables() {
        sql.ddl("DROP TABLE IF EXISTS live_notebook", "DROP TABLE IF EXISTS live_cell");
    }

    /**
     * Whether the tables have the shape of an earlier Quire (the whole file in one column, or each cell in one):
     * rebuild them.
     */
    boolean outdated() {
        return sql.hasColumn("live_notebook", "content") || sql.hasColumn("live_cell", "nbformat");
    }

    /** The stored notebook, as nbformat 4.5 bytes, if there is one with that id. */
    public Optional<LiveNotebook> find(String notebookId) {
        return sql.query("SELECT notebook_id, path, deleted, version, metadata FROM live_notebook"
                + " WHERE notebook_id = ?", row -> withCells(row), notebookId).stream().findFirst();
    }

    /** Every stored notebook, deleted ones included, in path order. */
    public List<LiveNotebook> all() {
        return sql.query("SELECT notebook_id, path, deleted, version, metadata FROM live_notebook"
                + " ORDER BY path, notebook_id", row -> withCells(row));
    }

    /** The deleted notebooks, each at the path it had when deleted, in path order; without their content. */
    public List<ContentsEntry> deleted() {
        return sql.query("SELECT path, notebook_id FROM live_notebook WHERE deleted ORDER BY path, notebook_id",
                row -> new ContentsEntry(row.getString(1), row.getString(2)));
    }

    Optional<NotebookDocument> load(String notebookId) {
        return find(notebookId).map(notebook -> NotebookDocument.restore(notebook.notebookId(), notebook.path(),
                notebook.deleted(), notebook.version(),
                reader.read(notebook.content(), notebook.path()), notebook.revisions(), notebook.trails()));
    }

    /** Writes what changed in each document since it was last saved (restored or created). */
    void save(Collection<NotebookDocument> documents) {
        List<Object[]> notebooks = new ArrayList<>();
        List<Object[]> notebookIds = new ArrayList<>();
        List<Object[]> updatedNotebooks = new ArrayList<>();
        List<Object[]> replacedNotebooks = new ArrayList<>();
        List<Object[]> deletedCells = new ArrayList<>();
        List<Object[]> cells = new ArrayList<>();
        List<Object[]> positions = new ArrayList<>();
        List<Object[]> tails = new ArrayList<>();
        for (NotebookDocument document : documents) {
            NotebookDocument.Changes changes = document.takeChanges();
            byte[] metadata = json(document.metadataOnly().metadata());
            if (changes.all()) {
                // A new or imported notebook: any row of the id is an earlier life of it (deleted, imported anew).
                notebookIds.add(new Object[]{document.notebookId()});
                notebooks.add(new Object[]{document.notebookId(), document.path(), document.deleted(),
                        document.version(), metadata});
                replacedNotebooks.add(new Object[]{document.notebookId()});
            } else {
                updatedNotebooks.add(new Object[]{document.path(), document.deleted(), document.version(), metadata,
                        document.notebookId()});
            }
            changes.removed().forEach(cellId -> deletedCells.add(new Object[]{document.notebookId(), cellId}));
            List<String> order = document.order();
            for (int position = 0; position < order.size(); position++) {
                String cellId = order.get(position);
                if (changes.all() || changes.cells().contains(cellId)) {
                    if (!changes.all()) {
                        deletedCells.add(new Object[]{document.notebookId(), cellId});
                    }
                    OutputTrail trail = document.storedTrail(cellId);
                    Cell cell = document.cell(cellId);
                    cells.add(new Object[]{document.notebookId(), cellId, position, document.revision(cellId),
                            trail == null ? null : json(trail), heads.head(document.notebookId(), cell),
                            writer.writeCellTail(cell.source())});
                    continue;
                }
                if (changes.sourceEdited().contains(cellId)) {
                    tails.add(new Object[]{document.revision(cellId), writer.writeCellTail(document.cell(cellId)
                            .source()), document.notebookId(), cellId});
                }
                if (changes.orderChanged()) {
                    positions.add(new Object[]{position, document.notebookId(), cellId});
                }
            }
        }
        sql.batch("DELETE FROM live_notebook WHERE notebook_id = ?", notebookIds);
        sql.batch("INSERT INTO live_notebook (notebook_id, path, deleted, version, metadata) VALUES (?, ?, ?, ?, ?)",
                notebooks);
        sql.batch("UPDATE live_notebook SET path = ?, deleted = ?, version = ?, metadata = ? WHERE notebook_id = ?",
                updatedNotebooks);
        sql.batch("DELETE FROM live_cell WHERE notebook_id = ?", replacedNotebooks);
        sql.batch("DELETE FROM live_cell WHERE notebook_id = ? AND cell_id = ?", deletedCells);
        sql.batch("INSERT INTO live_cell (notebook_id, cell_id, position, revision, trail, head, tail)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", cells);
        sql.batch("UPDATE live_cell SET revision = ?, tail = ? WHERE notebook_id = ? AND cell_id = ?", tails);
        sql.batch("UPDATE live_cell SET position = ? WHERE notebook_id = ? AND cell_id = ?", positions);
    }

    private LiveNotebook withCells(ResultSet row) throws SQLException {
        String notebookId = row.getString(1);
        String path = row.getString(2);
        ObjectNode metadata = read(row.getBytes(5), ObjectNode.class, path);
        Map<String, Long> revisions = new HashMap<>();
        Map<String, OutputTrail> trails = new HashMap<>();
        List<byte[]> cells = sql.query("SELECT cell_id, revision, trail, head, tail FROM live_cell"
                + " WHERE notebook_id = ? ORDER BY position", cell -> {
            revisions.put(cell.getString(1), cell.getLong(2));
            byte[] trail = cell.getBytes(3);
            if (trail != null) {
                trails.put(cell.getString(1), read(trail, OutputTrail.class, path));
            }
            byte[] head = cell.getBytes(4);
            byte[] tail = cell.getBytes(5);
            byte[] whole = Arrays.copyOf(head, head.length + tail.length);
            System.arraycopy(tail, 0, whole, head.length, tail.length);
            return whole;
        }, notebookId);
        return new LiveNotebook(notebookId, path, row.getBoolean(3), row.getLong(4),
                writer.assemble(metadata, cells), Map.copyOf(revisions), Map.copyOf(trails));
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new ProjectionStorageException("cannot write the live notebook state", e);
        }
    }

    private static <T> T read(byte[] json, Class<T> type, String path) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new ProjectionStorageException("cannot read the stored state of " + path, e);
        }
    }
}
