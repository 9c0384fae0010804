package io.quire.runtime.schedule;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings of the clustered store that a person can get wrong, and what they are told. */
class PostgresTriggerStoreTest {

    @Test
    void refusesASchemaThatCannotBeAnIdentifier() {
        for (String schema : new String[]{"Quartz", "1quartz", "a;drop table x", "", null}) {
            assertThatThrownBy(() -> new PostgresTriggerStore("jdbc:postgresql://db/quire", null, null, schema))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot name the triggers' schema");
        }
    }

    @Test
    void refusesAnUrlThatIsNotPostgres() {
        assertThatThrownBy(() -> new PostgresTriggerStore("jdbc:h2:mem:x", null, null, "quartz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a PostgreSQL JDBC URL");
    }

    @Test
    void anUnreachableDatabaseFailsAtOnceSayingWhatToCheck() {
        PostgresTriggerStore store = new PostgresTriggerStore(
                "jdbc:postgresql://127.0.0.1:1/quire?password=secret&connectTimeout=2", null, null, "quartz");
        assertThat(store.toString()).doesNotContain("secret");
        assertThatThrownBy(() -> ScheduleTriggers.clustered(store, "node-1", new RecordingLauncher(),
                ScheduleListener.NONE))
                .isInstanceOf(ScheduleTriggerException.class)
                .hasMessageContaining("cannot reach the trigger store")
                .hasMessageContaining("check the URL, that PostgreSQL runs")
                .hasMessageNotContaining("secret");
    }

    @Test
    void refusesANodeIdThatCannotNameANode() {
        PostgresTriggerStore store = new PostgresTriggerStore("jdbc:postgresql://127.0.0.1:1/q", null, null, "q");
        assertThatThrownBy(() -> ScheduleTriggers.clustered(store, "a b", new RecordingLauncher(),
                ScheduleListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot name a node");
    }

    @Test
    void theShippedDdlCreatesEveryQuartzTableAndDropsNothing() {
        assertThat(QuartzTables.statements())
                .noneMatch(sql -> sql.toUpperCase().startsWith("DROP"))
                .filteredOn(sql -> sql.startsWith("CREATE TABLE")).hasSize(11);
    }
}
