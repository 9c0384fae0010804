package io.quire.domain.serialization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored JSON form of events, snapshots and metadata. */
class QuireJsonTest {

    /** Like Quire's events: a record with a JSON tree, times, and a value type with a delegating creator. */
    record OutputAppended(String notebookId, ObjectNode output, Instant at, OffsetDateTime localTime, Edit edit) {
    }

    /** Like TextOperation: written as a JSON array, read back through a delegating creator. */
    static final class Edit {
        private final List<Object> steps;

        private Edit(List<Object> steps) {
            this.steps = List.copyOf(steps);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Edit fromJson(List<Object> steps) {
            return new Edit(steps);
        }

        @JsonValue
        List<Object> toJson() {
            return steps;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Edit edit && edit.steps.equals(steps);
        }

        @Override
        public int hashCode() {
            return steps.hashCode();
        }
    }

    private final JacksonSerializer serializer = QuireJson.serializer();

    @Test
    void recordWithJsonTreeTimesAndDelegatingCreatorRoundTrips() {
        OutputAppended event = sample();

        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        OutputAppended read = serializer.deserialize(stored);

        assertThat(read).isEqualTo(event);
        assertThat(read.output().get("data").get("text/plain").asText()).isEqualTo("2");
    }

    @Test
    void timesAreStoredAsIsoStrings() {
        String json = new String(serializer.serialize(sample(), byte[].class).getData(), StandardCharsets.UTF_8);

        assertThat(json).contains("\"at\":\"2024-05-01T10:15:30.123456789Z\"")
                        .contains("\"localTime\":\"2024-05-01T12:15:30+02:00\"")
                        .contains("\"edit\":[5,\"abc\",-2]");
    }

    @Test
    void propertiesAddedByANewerWriterAreIgnored() {
        byte[] newer = ("{\"notebookId\":\"nb-1\",\"output\":{},\"at\":\"2024-05-01T10:15:30Z\","
                + "\"addedLater\":{\"any\":[1,2]},\"edit\":[1]}").getBytes(StandardCharsets.UTF_8);
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(newer, byte[].class,
                                                                      serializer.typeForClass(OutputAppended.class));

        OutputAppended read = serializer.deserialize(stored);

        assertThat(read.notebookId()).isEqualTo("nb-1");
        assertThat(read.at()).isEqualTo(Instant.parse("2024-05-01T10:15:30Z"));
        assertThat(read.localTime()).isNull();
    }

    @Test
    void metadataRoundTripsAsJsonValues() {
        MetaData metaData = MetaData.with("user", "alice").and("attempt", 2).and("client", "jupyterlab");

        MetaData read = serializer.deserialize(serializer.serialize(metaData, byte[].class));

        assertThat(read).isEqualTo(metaData);
    }

    @Test
    void eachMapperIsNewSoAxonsRegistrationsDoNotLeak() {
        assertThat(QuireJson.newObjectMapper()).isNotSameAs(QuireJson.newObjectMapper());
        assertThat(QuireJson.newObjectMapper().getRegisteredModuleIds()).doesNotContain("Axon-Jackson Module");
    }

    private static OutputAppended sample() {
        ObjectNode output = JsonNodeFactory.instance.objectNode().put("output_type", "execute_result");
        output.putObject("data").put("text/plain", "2");
        output.putObject("metadata");
        output.put("execution_count", 3);
        return new OutputAppended("nb-1", output, Instant.parse("2024-05-01T10:15:30.123456789Z"),
                                  OffsetDateTime.parse("2024-05-01T12:15:30+02:00"),
                                  Edit.fromJson(List.of(5, "abc", -2)));
    }
}
