package io.quire.projections.schedules;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.domain.schedule.ScheduleDefinition;
import io.quire.domain.serialization.QuireJson;
import io.quire.projections.jdbc.ProjectionStorageException;
import io.quire.projections.jdbc.Sql;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The schedules read model: every schedule that is not deleted, paused ones included. The definition is kept as
 * the same JSON the event store holds, so whatever the event says is what a reader gets back.
 *
 * <p>Threads: reads may come from any thread; writes come from the schedule projection's processor.
 */
public class Schedules {

    private static final String COLUMNS = "schedule_id, definition, paused, created_by, created_at, updated_by,"
            + " updated_at";

    private final Sql sql;
    private final ObjectMapper json = QuireJson.newObjectMapper();

    public Schedules(Sql sql) {
        this.sql = sql;
    }

    void createTables() {
        sql.ddl("CREATE TABLE IF NOT EXISTS schedule (schedule_id VARCHAR(64) PRIMARY KEY,"
                        + " notebook_id VARCHAR(64) NOT NULL, name VARCHAR(200) NOT NULL,"
                        + " definition " + sql.binaryType() + " NOT NULL, paused BOOLEAN NOT NULL,"
                        + " created_by VARCHAR(200) NOT NULL, created_at " + sql.instantType() + " NOT NULL,"
                        + " updated_by VARCHAR(200) NOT NULL, updated_at " + sql.instantType() + " NOT NULL)",
                "CREATE INDEX IF NOT EXISTS schedule_notebook ON schedule (notebook_id)");
    }

    void dropTables() {
        sql.ddl("DROP TABLE IF EXISTS schedule");
    }

    /** Every schedule that is not deleted, paused ones included, by name. */
    public List<ScheduleView> all() {
        return sql.query("SELECT " + COLUMNS + " FROM schedule ORDER BY name, schedule_id", this::row);
    }

    /** The schedules that run one notebook, by name. */
    public List<ScheduleView> ofNotebook(String notebookId) {
        return sql.query("SELECT " + COLUMNS + " FROM schedule WHERE notebook_id = ? ORDER BY name, schedule_id",
                this::row, notebookId);
    }

    /** The schedule with that id, unless it does not exist or was deleted. */
    public Optional<ScheduleView> find(String scheduleId) {
        return sql.query("SELECT " + COLUMNS + " FROM schedule WHERE schedule_id = ?", this::row, scheduleId)
                .stream().findFirst();
    }

    void create(String scheduleId, ScheduleDefinition definition, String user, Instant at) {
        // Delete first: replaying an event already applied (a rebuild after a crash) must not fail.
        sql.execute("DELETE FROM schedule WHERE schedule_id = ?", scheduleId);
        sql.execute("INSERT INTO schedule (schedule_id, notebook_id, name, definition, paused, created_by, created_at,"
                        + " updated_by, updated_at) VALUES (?, ?, ?, ?, FALSE, ?, ?, ?, ?)",
                scheduleId, definition.notebookId(), definition.name(), write(definition), user, at, user, at);
    }

    void update(String scheduleId, ScheduleDefinition definition, String user, Instant at) {
        sql.execute("UPDATE schedule SET notebook_id = ?, name = ?, definition = ?, updated_by = ?, updated_at = ?"
                + " WHERE schedule_id = ?", definition.notebookId(), definition.name(), write(definition), user, at,
                scheduleId);
    }

    void pause(String scheduleId, boolean paused, String user, Instant at) {
        sql.execute("UPDATE schedule SET paused = ?, updated_by = ?, updated_at = ? WHERE schedule_id = ?",
                paused, user, at, scheduleId);
    }

    void remove(String scheduleId) {
        sql.execute("DELETE FROM schedule WHERE schedule_id = ?", scheduleId);
    }

    private byte[] write(ScheduleDefinition definition) {
        try {
            return json.writeValueAsBytes(definition);
        } catch (IOException e) {
            throw new ProjectionStorageException("cannot write the definition of schedule " + definition.name(), e);
        }
    }

    private ScheduleView row(ResultSet row) throws SQLException {
        try {
            return new ScheduleView(row.getString(1), json.readValue(row.getBytes(2), ScheduleDefinition.class),
                    row.getBoolean(3), row.getString(4), row.getObject(5, OffsetDateTime.class).toInstant(),
                    row.getString(6), row.getObject(7, OffsetDateTime.class).toInstant());
        } catch (IOException e) {
            throw new ProjectionStorageException("cannot read the definition of schedule " + row.getString(1), e);
        }
    }
}
