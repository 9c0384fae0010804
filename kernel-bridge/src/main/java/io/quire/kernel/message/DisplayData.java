package io.quire.kernel.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A rich display ({@code display_data}).
 *
 * @param data      the mime bundle
 * @param metadata  the bundle's metadata
 * @param displayId the {@code transient.display_id} a later {@link UpdateDisplayData} targets, or {@code null}
 */
public record DisplayData(JsonNode data, JsonNode metadata, String displayId) implements Output {
}
