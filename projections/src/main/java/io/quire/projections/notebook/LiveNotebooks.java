package io.quire.projections.notebook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.domain.nbformat.NotebookReader;
import io.quire.domain.nbformat.NotebookWriter;
import io.quire.projections.jdbc.ProjectionStorageException;
import io.quire.projections.jdbc.Sql;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The live notebook read model: for each notebook its path, whether it is deleted, its version, its content as
 * nbformat 4.5 bytes (what an export returns, ready to serve) and its cells' revisions.
 */
public class LiveNotebooks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sql sql;
    private final NotebookReader reader = new NotebookReader();
    private final NotebookWriter writer = new NotebookWriter();

    public LiveNotebooks(Sql sql) {
        this.sql = sql;
    }

    void createTables() {
        sql.ddl("CREATE TABLE IF NOT EXISTS live_notebook (notebook_id VARCHAR(64) PRIMARY KEY,"
                + " path VARCHAR(1024) NOT NULL, deleted BOOLEAN NOT NULL, version BIGINT NOT NULL,"
                + " content " + sql.binaryType() + " NOT NULL, state " + sql.binaryType() + " NOT NULL)");
    }

    void dropTables() {
        sql.ddl("DROP TABLE IF EXISTS live_notebook");
    }

    /** The stored notebook, as nbformat 4.5 bytes, if there is one with that id. */
    public Optional<LiveNotebook> find(String notebookId) {
        return sql.query("SELECT notebook_id, path, deleted, version, content, state FROM live_notebook"
                + " WHERE notebook_id = ?", LiveNotebooks::row, notebookId).stream().findFirst();
    }

    /** Every stored notebook, deleted ones included, in path order. */
    public List<LiveNotebook> all() {
        return sql.query("SELECT notebook_id, path, deleted, version, content, state FROM live_notebook"
                + " ORDER BY path, notebook_id", LiveNotebooks::row);
    }

    Optional<NotebookDocument> load(String notebookId) {
        return find(notebookId).map(notebook -> NotebookDocument.restore(notebook.notebookId(), notebook.path(),
                notebook.deleted(), notebook.version(),
                reader.read(notebook.content(), notebook.path()), notebook.revisions(), notebook.trails()));
    }

    void save(Collection<NotebookDocument> documents) {
        List<Object[]> ids = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (NotebookDocument document : documents) {
            ids.add(new Object[]{document.notebookId()});
            rows.add(new Object[]{document.notebookId(), document.path(), document.deleted(), document.version(),
                    writer.write(document.content()), stateJson(document)});
        }
        sql.batch("DELETE FROM live_notebook WHERE notebook_id = ?", ids);
        sql.batch("INSERT INTO live_notebook (notebook_id, path, deleted, version, content, state)"
                + " VALUES (?, ?, ?, ?, ?, ?)", rows);
    }

    private static byte[] stateJson(NotebookDocument document) {
        try {
            return JSON.writeValueAsBytes(new State(new TreeMap<>(document.revisions()), new TreeMap<>(document.trails())));
        } catch (IOException e) {
            throw new ProjectionStorageException("cannot write the cell state of " + document.path(), e);
        }
    }

    /** What the live table keeps beside the nbformat bytes. */
    private record State(Map<String, Long> revisions, Map<String, OutputTrail> trails) {
    }

    private static LiveNotebook row(ResultSet row) throws SQLException {
        try {
            State state = JSON.readValue(row.getBytes(6), State.class);
            return new LiveNotebook(row.getString(1), row.getString(2), row.getBoolean(3), row.getLong(4),
                    row.getBytes(5), state.revisions(), state.trails() == null ? Map.of() : state.trails());
        } catch (IOException e) {
            throw new ProjectionStorageException("cannot read the cell state of " + row.getString(2), e);
        }
    }
}
