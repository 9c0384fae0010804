package io.quire.domain.schedule;

import io.quire.domain.schedule.event.*;
import io.quire.domain.serialization.QuireJson;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Schedule events as the event store keeps them: Quire's JSON, read back equal. */
class ScheduleEventsJsonTest {

    private final JacksonSerializer serializer = QuireJson.serializer();

    @Test
    void everyScheduleEventRoundTrips() {
        ScheduleDefinition pinned = Definitions.withVersionPolicy(VersionPolicy.pinned(42));
        List<ScheduleEvent> events = List.of(
                new ScheduleCreated("s", Definitions.nightly(), "ann"),
                new ScheduleUpdated("s", pinned, "bob"),
                new ScheduleUpdated("s", Definitions.withLimits(3, 0, null, null), "bob"),
                new SchedulePaused("s", "ann"),
                new ScheduleResumed("s", "ann"),
                new ScheduleDeleted("s", "ann"));
        for (ScheduleEvent event : events) {
            SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
            Object read = serializer.deserialize(stored);
            assertThat(read).isEqualTo(event);
        }
    }

    @Test
    void definitionIsStoredAsReadableJson() {
        String json = new String(serializer.serialize(new ScheduleCreated("s", Definitions.nightly(), "ann"),
                byte[].class).getData(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"cron\":\"0 0 6 * * ?\"")
                .contains("\"timeZone\":\"Europe/Paris\"")
                .contains("\"parameters\":{\"region\":\"emea\",\"limit\":10}")
                .contains("\"versionPolicy\":{\"kind\":\"LATEST_NAMED\",\"version\":null}")
                .contains("\"retryBackoff\":\"PT1M\"")
                .contains("\"misfirePolicy\":\"RUN_ONCE\"");
    }
}
