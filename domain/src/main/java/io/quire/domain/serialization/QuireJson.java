package io.quire.domain.serialization;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The one JSON configuration for everything Quire stores or sends through Axon: events, snapshots, commands,
 * queries, tracking tokens and metadata. Every stored byte of an event goes through {@link #newObjectMapper()}, so a
 * change here changes the format of the event store: add features only with a test that old events still read.
 *
 * <p>What the configuration guarantees:
 * <ul>
 *   <li>{@code java.time} values are ISO-8601 strings ({@code "2024-05-01T10:15:30.123Z"}), never epoch numbers, so
 *       the stored JSON can be read by people and by tools outside the JVM.</li>
 *   <li>Unknown properties are ignored when reading, so a reader that predates a field added to an event still
 *       reads the event (removing or renaming a field still needs an upcaster).</li>
 *   <li>Records, {@code JsonNode}/{@code ObjectNode} fields and classes with a delegating {@code @JsonCreator}
 *       (such as {@code TextOperation}) round-trip without extra annotations.</li>
 *   <li>No default typing: a stored document never names arbitrary classes to instantiate, so reading events
 *       cannot be turned into a gadget chain. Metadata values therefore come back as JSON types
 *       ({@code String}, {@code Integer}, {@code Map}...), not as the Java type that was put in.</li>
 * </ul>
 *
 * <p>Thread safety: both factory methods may be called from any thread. The returned mapper and serializer are
 * thread-safe once built; do not reconfigure a mapper after handing it to a serializer.
 */
public final class QuireJson {

    private QuireJson() {
    }

    /**
     * A new mapper with Quire's configuration. A new instance each call, because Axon's {@link JacksonSerializer}
     * registers its own modules on the mapper it is given and callers must not share that mutation.
     */
    public static ObjectMapper newObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Keeps the offset a value was written with instead of converting it to UTC on reading:
                // replaying an event must rebuild exactly what was recorded.
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    /**
     * A new Axon serializer over {@link #newObjectMapper()}, for events, snapshots, messages and tokens alike.
     * Payload types are stored by fully qualified class name, so event classes must not move (see DESIGN.md).
     */
    public static JacksonSerializer serializer() {
        return JacksonSerializer.builder()
                                .objectMapper(newObjectMapper())
                                .build();
    }
}
