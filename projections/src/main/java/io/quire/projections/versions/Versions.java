package io.quire.projections.versions;

import io.quire.domain.notebook.event.DisplayUpdated;
import io.quire.domain.notebook.event.ExecutionEnded;
import io.quire.domain.notebook.event.ExecutionRequested;
import io.quire.domain.notebook.event.ExecutionStarted;
import io.quire.domain.notebook.event.NotebookEvent;
import io.quire.domain.notebook.event.OutputCleared;
import io.quire.domain.notebook.event.OutputProduced;
import io.quire.domain.notebook.event.VersionNamed;
import io.quire.projections.jdbc.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versions read model: every version of every notebook, with the names given to some of them.
 *
 * <p>A version row is keyed by one number, {@code (notebook number << }{@value #VERSION_BITS}{@code ) | version},
 * the notebook numbered in the order its first version was recorded ({@code version_notebook}). One key column
 * makes the table a single B-tree, filled in order: a row costs H2 about half the CPU that a
 * {@code (notebook_id, version)} key cost, and a rebuild writes one row per stored event.
 */
public class Versions {

    /** Versions per notebook: 2^36, about 69 billion; leaves room for 2^27 (134 million) notebooks. */
    static final int VERSION_BITS = 36;
    private static final long LAST_VERSION = (1L << VERSION_BITS) - 1;

    private final Sql sql;

    public Versions(Sql sql) {
        this.sql = sql;
    }

    public void createTables() {
        sql.ddl("CREATE TABLE IF NOT EXISTS version_notebook (notebook_id VARCHAR(64) PRIMARY KEY,"
                        + " number BIGINT NOT NULL UNIQUE)",
                "CREATE TABLE IF NOT EXISTS notebook_version (id BIGINT PRIMARY KEY,"
                        + " at " + sql.instantType() + " NOT NULL, who VARCHAR(255) NOT NULL, summary VARCHAR(1000) NOT NULL,"
                        + " edited BOOLEAN NOT NULL)",
                "CREATE TABLE IF NOT EXISTS version_name (notebook_id VARCHAR(64) NOT NULL, name VARCHAR(255) NOT NULL,"
                        + " version BIGINT NOT NULL, PRIMARY KEY (notebook_id, name))");
    }

    public void dropTables() {
        sql.ddl("DROP TABLE IF EXISTS notebook_version", "DROP TABLE IF EXISTS version_notebook",
                "DROP TABLE IF EXISTS version_name");
    }

    /** Whether the versions table has an earlier Quire's shape (keyed by notebook id and version): rebuild it. */
    public boolean outdated() {
        return sql.hasColumn("notebook_version", "notebook_id");
    }

    /** Every version of a notebook, oldest first, with their names. */
    public List<Version> of(String notebookId) {
        return firstId(notebookId).map(first -> sql.query("SELECT v.id - ?, v.at, v.who, v.summary, n.name"
                + " FROM notebook_version v LEFT JOIN version_name n ON n.notebook_id = ? AND n.version = v.id - ?"
                + " WHERE v.id BETWEEN ? AND ? ORDER BY v.id, n.name", Versions::version,
                first, notebookId, first, first, first + LAST_VERSION)).orElse(List.of());
    }

    /** A notebook's latest version (for a deleted notebook: its deletion), without its name. */
    public Optional<Version> latest(String notebookId) {
        return firstId(notebookId).flatMap(first -> sql.query("SELECT id - ?, at, who, summary, NULL"
                + " FROM notebook_version WHERE id BETWEEN ? AND ? ORDER BY id DESC LIMIT 1", Versions::version,
                first, first, first + LAST_VERSION).stream().findFirst());
    }

    /** The version a name was given to. */
    public Optional<Long> named(String notebookId, String name) {
        return sql.query("SELECT version FROM version_name WHERE notebook_id = ? AND name = ?",
                row -> row.getLong(1), notebookId, name).stream().findFirst();
    }

    /** The versions that were given a name (checkpoints), oldest first. */
    public List<Version> named(String notebookId) {
        return firstId(notebookId).map(first -> sql.query("SELECT v.id - ?, v.at, v.who, v.summary, n.name"
                + " FROM version_name n JOIN notebook_version v ON v.id = n.version + ?"
                + " WHERE n.notebook_id = ? ORDER BY v.id, n.name", Versions::version,
                first, first, notebookId)).orElse(List.of());
    }

    private static Version version(ResultSet row) throws SQLException {
        return new Version(row.getLong(1), row.getObject(2, OffsetDateTime.class).toInstant(), row.getString(3),
                row.getString(4), row.getString(5));
    }

    /** When a notebook's first and latest versions were made; empty when it has none. */
    public Optional<Span> span(String notebookId) {
        return firstId(notebookId).flatMap(first -> sql.query("SELECT MIN(at), MAX(CASE WHEN edited THEN at END),"
                                + " MAX(CASE WHEN edited THEN id END) FROM notebook_version WHERE id BETWEEN ? AND ?",
                        row -> row.getObject(1) == null ? null : span(row.getObject(1, OffsetDateTime.class),
                                row.getObject(2, OffsetDateTime.class), row.getObject(3) == null ? -1
                                        : row.getLong(3) - first),
                        first, first + LAST_VERSION)
                .stream().filter(span -> span != null).findFirst());
    }

    private static Span span(OffsetDateTime created, OffsetDateTime modified, long editVersion) {
        return new Span(created.toInstant(), modified == null ? created.toInstant() : modified.toInstant(), editVersion);
    }

    /**
     * When a notebook was created and last edited. Recorded executions and version names are not edits: like a
     * Jupyter file, whose date changes when it is saved, not when its cells run, so a front end that compares dates
     * before saving (JupyterLab) does not take running cells for someone else's change.
     *
     * @param editVersion the version of the latest edit, or -1
     */
    public record Span(Instant created, Instant modified, long editVersion) {
    }

    /** The latest version made at or before {@code instant}. */
    public Optional<Long> asOf(String notebookId, Instant instant) {
        return firstId(notebookId).flatMap(first -> sql.query("SELECT MAX(id) FROM notebook_version"
                                + " WHERE id BETWEEN ? AND ? AND at <= ?",
                        row -> row.getObject(1) == null ? null : row.getLong(1) - first,
                        first, first + LAST_VERSION, instant)
                .stream().filter(v -> v != null).findFirst());
    }

    /** The key of version 0 of a notebook, if it has versions. */
    private Optional<Long> firstId(String notebookId) {
        return sql.query("SELECT number FROM version_notebook WHERE notebook_id = ?", row -> row.getLong(1),
                notebookId).stream().findFirst().map(number -> number << VERSION_BITS);
    }

    /** Adds version rows, leaving out, if asked, those of versions already recorded (an event seen twice). */
    void insert(Collection<Row> rows, boolean skipRecorded) {
        insert(skipRecorded ? rows.stream().filter(row -> !recorded(row.notebookId(), row.version())).toList() : rows);
    }

    private boolean recorded(String notebookId, long version) {
        return firstId(notebookId).map(first -> !sql.query("SELECT 1 FROM notebook_version WHERE id = ?",
                row -> 1, first + version).isEmpty()).orElse(false);
    }

    /** Adds version rows, numbering the notebooks met for the first time; for the projection and a bulk replay. */
    public void insert(Collection<Row> rows) {
        Map<String, Long> firstIds = new HashMap<>();
        List<Object[]> values = new ArrayList<>(rows.size());
        for (Row r : rows) {
            if (r.version() < 0 || r.version() > LAST_VERSION) {
                throw new IllegalArgumentException("notebook " + r.notebookId() + " has version " + r.version()
                        + ", beyond the " + LAST_VERSION + " versions a notebook can have");
            }
            long first = firstIds.computeIfAbsent(r.notebookId(), this::firstIdAssigned);
            values.add(new Object[]{first + r.version(), r.at(), r.user(),
                    r.summary().length() > 1000 ? r.summary().substring(0, 1000) : r.summary(), r.edited()});
        }
        sql.insert("notebook_version (id, at, who, summary, edited)", values);
    }

    /** The key of version 0 of a notebook, numbering it if it has none yet; its writers are one at a time. */
    private long firstIdAssigned(String notebookId) {
        return firstId(notebookId).orElseGet(() -> {
            sql.execute("INSERT INTO version_notebook (notebook_id, number)"
                    + " SELECT ?, COALESCE(MAX(number), 0) + 1 FROM version_notebook", notebookId);
            return firstId(notebookId).orElseThrow();
        });
    }

    /** Records names, leaving out, if asked, those already recorded (an event seen twice). */
    void insertNames(Collection<VersionNamed> names, boolean skipRecorded) {
        insertNames(skipRecorded ? names.stream().filter(n -> named(n.notebookId(), n.name()).isEmpty()).toList()
                : names);
    }

    /** Records the names given to versions; for a bulk replay. */
    public void insertNames(Collection<VersionNamed> names) {
        sql.batch("INSERT INTO version_name (notebook_id, name, version) VALUES (?, ?, ?)",
                names.stream().map(n -> new Object[]{n.notebookId(), n.name(), n.version()}).toList());
    }

    /** One row of the versions table. */
    public record Row(String notebookId, long version, Instant at, String user, String summary, boolean edited) {

        /** The row for the event with that sequence number, stored at that instant. */
        public static Row of(NotebookEvent event, long sequenceNumber, Instant at) {
            return new Row(event.notebookId(), sequenceNumber, at, event.user(), VersionSummary.of(event),
                    isEdit(event));
        }

        /** What the kernel did, and naming a version, change no one's text: the rest are edits. */
        private static boolean isEdit(NotebookEvent event) {
            return !(event instanceof VersionNamed || event instanceof ExecutionRequested
                    || event instanceof ExecutionStarted || event instanceof OutputProduced
                    || event instanceof DisplayUpdated || event instanceof OutputCleared
                    || event instanceof ExecutionEnded);
        }
    }
}
