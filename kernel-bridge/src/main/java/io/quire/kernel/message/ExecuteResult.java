package io.quire.kernel.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The value of a cell's last expression ({@code execute_result}).
 *
 * @param executionCount the kernel's execution counter
 * @param data           the mime bundle, e.g. {@code {"text/plain": "2"}}
 * @param metadata       the bundle's metadata
 */
public record ExecuteResult(int executionCount, JsonNode data, JsonNode metadata) implements Output {
}
