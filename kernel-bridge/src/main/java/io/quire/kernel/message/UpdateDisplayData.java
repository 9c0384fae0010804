package io.quire.kernel.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A replacement for every display shown earlier with the same display id ({@code update_display_data}); it may
 * target a display of another cell.
 *
 * @param data      the new mime bundle
 * @param metadata  its metadata
 * @param displayId the display to update
 */
public record UpdateDisplayData(JsonNode data, JsonNode metadata, String displayId) implements Output {
}
