package io.quire.runtime.schedule;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.sql.SQLException;

/** The trigger contract on Quartz's clustered JDBC store over a real PostgreSQL, in a schema of its own per test. */
class PostgresScheduleTriggersTest extends ScheduleTriggersContract {

    private PostgresSchema schema;

    @BeforeEach
    void createSchema() throws SQLException {
        schema = PostgresSchema.create();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        closeNodes();
        schema.drop();
    }

    @Override
    protected ScheduleTriggers newNode(String nodeId, RunLauncher launcher, ScheduleListener listener) {
        return ScheduleTriggers.clustered(schema.store(), nodeId, launcher, listener);
    }
}
