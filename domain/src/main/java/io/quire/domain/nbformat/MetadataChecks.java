package io.quire.domain.nbformat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.notebook.CellType;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The constraints nbformat 4.5's schema puts on the metadata keys it knows. Metadata is otherwise open: any other
 * key passes. Checked on read so that whatever Quire accepts it can export as a valid 4.5 notebook.
 */
final class MetadataChecks {

    private MetadataChecks() {
    }

    /** Notebook metadata: {@code kernelspec}, {@code language_info}, {@code title}, {@code authors}. */
    static void notebook(ObjectNode metadata, Location at) {
        JsonNode kernelspec = metadata.get("kernelspec");
        if (kernelspec != null) {
            Location where = at.key("kernelspec");
            ObjectNode spec = JsonChecks.object(kernelspec, where);
            JsonChecks.string(JsonChecks.required(spec, "name", where), where.key("name"));
            JsonChecks.string(JsonChecks.required(spec, "display_name", where), where.key("display_name"));
        }
        JsonNode languageInfo = metadata.get("language_info");
        if (languageInfo != null) {
            Location where = at.key("language_info");
            ObjectNode info = JsonChecks.object(languageInfo, where);
            JsonChecks.string(JsonChecks.required(info, "name", where), where.key("name"));
            for (String key : new String[] {"file_extension", "mimetype", "pygments_lexer"}) {
                optionalString(info, key, where);
            }
            JsonNode mode = info.get("codemirror_mode");
            if (mode != null && !mode.isTextual() && !mode.isObject()) {
                throw where.key("codemirror_mode").fail("expected a string or an object, found "
                        + JsonChecks.describe(mode));
            }
        }
        optionalString(metadata, "title", at);
        if (metadata.has("authors")) {
            JsonChecks.array(metadata.get("authors"), at.key("authors"));
        }
    }

    /** Cell metadata: {@code name}, {@code tags}, {@code jupyter}, and the keys particular to each cell type. */
    static void cell(CellType type, ObjectNode metadata, Location at) {
        if (metadata.has("name")) {
            name(metadata.get("name"), at.key("name"));
        }
        if (metadata.has("tags")) {
            tags(metadata.get("tags"), at.key("tags"));
        }
        if (metadata.has("jupyter")) {
            JsonChecks.object(metadata.get("jupyter"), at.key("jupyter"));
        }
        switch (type) {
            case CODE -> codeCell(metadata, at);
            case RAW -> optionalString(metadata, "format", at);
            case MARKDOWN -> {
                // markdown cells have no keys of their own
            }
        }
    }

    private static void codeCell(ObjectNode metadata, Location at) {
        if (metadata.has("collapsed")) {
            JsonChecks.bool(metadata.get("collapsed"), at.key("collapsed"));
        }
        JsonNode scrolled = metadata.get("scrolled");
        if (scrolled != null && !scrolled.isBoolean() && !"auto".equals(scrolled.textValue())) {
            throw at.key("scrolled").fail("expected true, false or \"auto\", found " + JsonChecks.describe(scrolled));
        }
        JsonNode execution = metadata.get("execution");
        if (execution != null) {
            Location where = at.key("execution");
            // The schema's patternProperties "^.*$" makes every timestamp in it a string.
            for (Map.Entry<String, JsonNode> entry : JsonChecks.object(execution, where).properties()) {
                JsonChecks.string(entry.getValue(), where.key(entry.getKey()));
            }
        }
    }

    /**
     * The schema's pattern {@code ^.+$}, as Python's {@code re.search} reads it: not empty and one line, where
     * {@code $} also matches before a single final newline.
     */
    private static void name(JsonNode node, Location at) {
        String name = JsonChecks.string(node, at);
        String line = name.endsWith("\n") ? name.substring(0, name.length() - 1) : name;
        if (line.isEmpty() || line.indexOf('\n') >= 0) {
            throw at.fail("a cell name must be one line and not empty");
        }
    }

    /** The schema's {@code metadata_tags}: unique strings, none empty, none with a comma. */
    private static void tags(JsonNode node, Location at) {
        JsonChecks.stringArray(node, at);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String tag = node.get(i).textValue();
            if (tag.isEmpty() || tag.contains(",")) {
                throw at.index(i).fail("a tag must not be empty nor contain a comma, found \"" + tag + "\"");
            }
            if (!seen.add(tag)) {
                throw at.index(i).fail("duplicate tag \"" + tag + "\"");
            }
        }
    }

    private static void optionalString(ObjectNode object, String key, Location at) {
        if (object.has(key)) {
            JsonChecks.string(object.get(key), at.key(key));
        }
    }
}
