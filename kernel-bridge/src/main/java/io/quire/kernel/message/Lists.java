package io.quire.kernel.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Small readers shared by the reply records. */
final class Lists {

    private Lists() {
    }

    /** The texts of a JSON array, or an empty list when the field is missing. */
    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(item -> texts.add(item.asText()));
        }
        return List.copyOf(texts);
    }
}
