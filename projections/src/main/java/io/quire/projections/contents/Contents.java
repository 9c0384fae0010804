package io.quire.projections.contents;

import io.quire.projections.jdbc.Sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The contents tree: the path of every notebook that is not deleted, for listing and lookup by path. */
public class Contents {

    private final Sql sql;

    public Contents(Sql sql) {
        this.sql = sql;
    }

    public void createTables() {
        sql.ddl("CREATE TABLE IF NOT EXISTS contents (notebook_id VARCHAR(64) PRIMARY KEY, path VARCHAR(1024) NOT NULL)",
                "CREATE INDEX IF NOT EXISTS contents_path ON contents (path)");
    }

    public void dropTables() {
        sql.ddl("DROP TABLE IF EXISTS contents");
    }

    /** All entries, in path order. */
    public List<ContentsEntry> list() {
        return sql.query("SELECT path, notebook_id FROM contents ORDER BY path, notebook_id",
                row -> new ContentsEntry(row.getString(1), row.getString(2)));
    }

    /** The id of the notebook at {@code path}, if one lives there. */
    public Optional<String> notebookAt(String path) {
        return sql.query("SELECT notebook_id FROM contents WHERE path = ? ORDER BY notebook_id",
                row -> row.getString(1), path).stream().findFirst();
    }

    /**
     * A notebook that keeps a new one from living at {@code path}: one at that path, one at a folder of it
     * ({@code a.ipynb} for {@code a.ipynb/b.ipynb}), or one inside it, were it a folder ({@code a/b.ipynb} for
     * {@code a}); a path cannot be a notebook and a folder at once.
     *
     * @return the path of such a notebook, if there is one
     */
    public Optional<String> pathInTheWayOf(String path) {
        List<Object> parameters = new ArrayList<>();
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            parameters.add(path.substring(0, slash));
        }
        parameters.add(path);
        parameters.add(likeEscaped(path) + "/%");
        // One query; the shortest match first: a folder of the path, then the path, then what lies inside it. LIKE,
        // not a range of paths: PostgreSQL's collations may order '/' apart from the rest.
        return sql.query("SELECT path FROM contents WHERE path IN (" + "?, ".repeat(parameters.size() - 2) + "?)"
                        + " OR path LIKE ? ESCAPE '!' ORDER BY LENGTH(path), path",
                row -> row.getString(1), parameters.toArray()).stream().findFirst();
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    void put(String notebookId, String path) {
        sql.execute("DELETE FROM contents WHERE notebook_id = ?", notebookId);
        sql.execute("INSERT INTO contents (notebook_id, path) VALUES (?, ?)", notebookId, path);
    }

    /** Stores where each of these notebooks lives, in one JDBC batch; for a bulk replay into an empty table. */
    public void insertAll(Map<String, String> pathsById) {
        sql.batch("INSERT INTO contents (notebook_id, path) VALUES (?, ?)", pathsById.entrySet().stream()
                .map(entry -> new Object[]{entry.getKey(), entry.getValue()}).toList());
    }

    void remove(String notebookId) {
        sql.execute("DELETE FROM contents WHERE notebook_id = ?", notebookId);
    }
}
