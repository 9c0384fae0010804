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

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The versions read model: every version of every notebook, with the names given to some of them. */
public class Versions {

    private final Sql sql;

    public Versions(Sql sql) {
        this.sql = sql;
    }

    public void createTables() {
        sql.ddl("CREATE TABLE IF NOT EXISTS notebook_version (notebook_id VARCHAR(64) NOT NULL, version BIGINT NOT NULL,"
                        + " at " + sql.instantType() + " NOT NULL, who VARCHAR(255) NOT NULL, summary VARCHAR(1000) NOT NULL,"
                        + " edited BOOLEAN NOT NULL,"
                        + " PRIMARY KEY (notebook_id, version))",
                "CREATE TABLE IF NOT EXISTS version_name (notebook_id VARCHAR(64) NOT NULL, name VARCHAR(255) NOT NULL,"
                        + " version BIGINT NOT NULL, PRIMARY KEY (notebook_id, name))");
    }

    public void dropTables() {
        sql.ddl("DROP TABLE IF EXISTS notebook_version", "DROP TABLE IF EXISTS version_name");
    }

    /** Every version of a notebook, oldest first, with their names. */
    public List<Version> of(String notebookId) {
        return sql.query("SELECT v.version, v.at, v.who, v.summary, n.name FROM notebook_version v"
                + " LEFT JOIN version_name n ON n.notebook_id = v.notebook_id AND n.version = v.version"
                + " WHERE v.notebook_id = ? ORDER BY v.version, n.name", row -> new Version(row.getLong(1),
                row.getObject(2, OffsetDateTime.class).toInstant(), row.getString(3), row.getString(4),
                row.getString(5)), notebookId);
    }

    /** The version a name was given to. */
    public Optional<Long> named(String notebookId, String name) {
        return sql.query("SELECT version FROM version_name WHERE notebook_id = ? AND name = ?",
                row -> row.getLong(1), notebookId, name).stream().findFirst();
    }

    /** The versions that were given a name (checkpoints), oldest first. */
    public List<Version> named(String notebookId) {
        return sql.query("SELECT v.version, v.at, v.who, v.summary, n.name FROM version_name n"
                + " JOIN notebook_version v ON v.notebook_id = n.notebook_id AND v.version = n.version"
                + " WHERE n.notebook_id = ? ORDER BY v.version, n.name", row -> new Version(row.getLong(1),
                row.getObject(2, OffsetDateTime.class).toInstant(), row.getString(3), row.getString(4),
                row.getString(5)), notebookId);
    }

    /** When a notebook's first and latest versions were made; empty when it has none. */
    public Optional<Span> span(String notebookId) {
        return sql.query("SELECT MIN(at), MAX(CASE WHEN edited THEN at END), MAX(CASE WHEN edited THEN version END)"
                        + " FROM notebook_version WHERE notebook_id = ?",
                row -> row.getObject(1) == null ? null : span(row.getObject(1, OffsetDateTime.class),
                        row.getObject(2, OffsetDateTime.class), row.getObject(3) == null ? -1 : row.getLong(3)),
                notebookId)
                .stream().filter(span -> span != null).findFirst();
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
        return sql.query("SELECT MAX(version) FROM notebook_version WHERE notebook_id = ? AND at <= ?",
                row -> row.getObject(1) == null ? null : row.getLong(1), notebookId, instant)
                .stream().filter(v -> v != null).findFirst();
    }

    /** Adds version rows, leaving out, if asked, those of versions already recorded (an event seen twice). */
    void insert(Collection<Row> rows, boolean skipRecorded) {
        insert(skipRecorded ? rows.stream().filter(row -> !recorded(row.notebookId(), row.version())).toList() : rows);
    }

    private boolean recorded(String notebookId, long version) {
        return !sql.query("SELECT 1 FROM notebook_version WHERE notebook_id = ? AND version = ?", row -> 1,
                notebookId, version).isEmpty();
    }

    /** Adds version rows; for the projection and a bulk replay. */
    public void insert(Collection<Row> rows) {
        sql.insert("notebook_version (notebook_id, version, at, who, summary, edited)",
                rows.stream().map(r -> new Object[]{r.notebookId(), r.version(), r.at(), r.user(),
                        r.summary().length() > 1000 ? r.summary().substring(0, 1000) : r.summary(), r.edited()})
                        .toList());
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
