package io.quire.projections.runs;

import io.quire.domain.run.RunStatus;
import io.quire.projections.jdbc.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The history of runs, per notebook and per schedule: one row per run, newest first. */
public class RunHistory {

    private static final String COLUMNS = "run_id, notebook_id, version, schedule_id, source, status, run_trigger,"
            + " requested_by, requested_at, started_at, ended_at, kernel_name, cells_total, cells_done,"
            + " failed_cell_id, failed_cell_index, failed_execution_count, failure_kind, failure_message,"
            + " output_location, retry_of, parameters, secret_names, note";

    private final Sql sql;

    public RunHistory(Sql sql) {
        this.sql = sql;
    }

    public void createTables() {
        String instant = sql.instantType();
        sql.ddl("CREATE TABLE IF NOT EXISTS run_history (run_id VARCHAR(64) PRIMARY KEY, notebook_id VARCHAR(64),"
                        + " version BIGINT, schedule_id VARCHAR(64), source VARCHAR(2048) NOT NULL,"
                        + " status VARCHAR(16) NOT NULL, run_trigger VARCHAR(16) NOT NULL,"
                        + " requested_by VARCHAR(256) NOT NULL, requested_at " + instant + " NOT NULL,"
                        + " started_at " + instant + ", ended_at " + instant + ", kernel_name VARCHAR(256),"
                        + " cells_total INT NOT NULL DEFAULT 0, cells_done INT NOT NULL DEFAULT 0,"
                        + " failed_cell_id VARCHAR(64), failed_cell_index INT, failed_execution_count INT,"
                        + " failure_kind VARCHAR(32), failure_message VARCHAR(4096), output_location VARCHAR(2048),"
                        + " retry_of VARCHAR(64), parameters TEXT, secret_names TEXT, note VARCHAR(4096))",
                "CREATE INDEX IF NOT EXISTS run_history_notebook ON run_history (notebook_id, requested_at)",
                "CREATE INDEX IF NOT EXISTS run_history_schedule ON run_history (schedule_id, requested_at)");
    }

    public void dropTables() {
        sql.ddl("DROP TABLE IF EXISTS run_history");
    }

    /** One run, if it is known. */
    public Optional<RunSummary> get(String runId) {
        return sql.query("SELECT " + COLUMNS + " FROM run_history WHERE run_id = ?", RunHistory::summary, runId)
                .stream().findFirst();
    }

    /** The runs of a notebook, newest first. */
    public List<RunSummary> ofNotebook(String notebookId, int limit) {
        return sql.query("SELECT " + COLUMNS + " FROM run_history WHERE notebook_id = ?"
                + " ORDER BY requested_at DESC, run_id LIMIT ?", RunHistory::summary, notebookId, limit);
    }

    /** The runs a schedule started, newest first. */
    public List<RunSummary> ofSchedule(String scheduleId, int limit) {
        return sql.query("SELECT " + COLUMNS + " FROM run_history WHERE schedule_id = ?"
                + " ORDER BY requested_at DESC, run_id LIMIT ?", RunHistory::summary, scheduleId, limit);
    }

    /** All runs, newest first. */
    public List<RunSummary> all(int limit) {
        return sql.query("SELECT " + COLUMNS + " FROM run_history ORDER BY requested_at DESC, run_id LIMIT ?",
                RunHistory::summary, limit);
    }

    /** Runs that have not ended, of one schedule (for its concurrency limit). */
    public int activeRunsOfSchedule(String scheduleId) {
        return sql.query("SELECT count(*) FROM run_history WHERE schedule_id = ? AND status IN ('REQUESTED', 'RUNNING')",
                row -> row.getInt(1), scheduleId).get(0);
    }

    /** Runs that have not ended, of any kind. */
    public List<RunSummary> unfinished() {
        return sql.query("SELECT " + COLUMNS + " FROM run_history WHERE status IN ('REQUESTED', 'RUNNING')"
                + " ORDER BY requested_at", RunHistory::summary);
    }

    void requested(String runId, String notebookId, Long version, String scheduleId, String source, String trigger,
                   String user, Instant at, String retryOf, String parameters, String secretNames) {
        sql.execute("DELETE FROM run_history WHERE run_id = ?", runId);
        sql.execute("INSERT INTO run_history (run_id, notebook_id, version, schedule_id, source, status, run_trigger,"
                        + " requested_by, requested_at, retry_of, parameters, secret_names)"
                        + " VALUES (?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?, ?, ?, ?)",
                runId, notebookId, version, scheduleId, source, trigger, user, at, retryOf, parameters, secretNames);
    }

    void started(String runId, String kernelName, int cells, Instant at) {
        sql.execute("UPDATE run_history SET status = 'RUNNING', kernel_name = ?, cells_total = ?, started_at = ?"
                + " WHERE run_id = ?", kernelName, cells, at, runId);
    }

    void cellEnded(String runId) {
        sql.execute("UPDATE run_history SET cells_done = cells_done + 1 WHERE run_id = ?", runId);
    }

    void ended(String runId, RunStatus status, Instant at, String outputLocation, String note) {
        sql.execute("UPDATE run_history SET status = ?, ended_at = ?, output_location = ?, note = ? WHERE run_id = ?",
                status.name(), at, outputLocation, note, runId);
    }

    void failed(String runId, String cellId, Integer cellIndex, Integer executionCount, String kind, String message) {
        sql.execute("UPDATE run_history SET failed_cell_id = ?, failed_cell_index = ?, failed_execution_count = ?,"
                + " failure_kind = ?, failure_message = ? WHERE run_id = ?",
                cellId, cellIndex, executionCount, kind, message, runId);
    }

    private static RunSummary summary(ResultSet row) throws SQLException {
        return new RunSummary(row.getString(1), row.getString(2), (Long) row.getObject(3, Long.class),
                row.getString(4), row.getString(5), RunStatus.valueOf(row.getString(6)), row.getString(7),
                row.getString(8), instant(row, 9), instant(row, 10), instant(row, 11), row.getString(12),
                row.getInt(13), row.getInt(14), row.getString(15), row.getObject(16, Integer.class),
                row.getObject(17, Integer.class), row.getString(18), row.getString(19), row.getString(20),
                row.getString(21), row.getString(22), row.getString(23), row.getString(24));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
