package io.quire.kernel.message;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.kernel.wire.Json;

/**
 * An {@code input_request} from the kernel on stdin: code called {@code input()} or {@code getpass()}.
 *
 * @param prompt   the text to show
 * @param password whether the answer should not be echoed
 */
public record InputRequest(String prompt, boolean password) {

    /** Reads an input_request content. */
    public static InputRequest from(JsonNode content) {
        return new InputRequest(Json.text(content, "prompt", ""), content.path("password").asBoolean(false));
    }
}
