package io.quire.gateway.http.contents;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.gateway.http.HttpException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Jupyter's contents models, field for field as Jupyter Server 2.x writes them: {@code name, path, type, writable,
 * created, last_modified, size, mimetype, content, format, hash, hash_algorithm}. Times are ISO 8601 in UTC with
 * microseconds and a 'Z', as Jupyter's {@code json_default} writes datetimes. Stateless.
 */
public final class ContentsModels {

    /** Jupyter's hash algorithm (Jupyter Server 2.11+, {@code hash=1}). */
    public static final String HASH_ALGORITHM = "sha256";

    /** Reads request bodies and writes models: like Python's json, NaN allowed and no limit on string length. */
    public static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                    .build())
            .build();

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private ContentsModels() {
    }

    /** The fields every model has; {@code content}, {@code format}, hash and mimetype start null. */
    static ObjectNode base(String path, String type, Instant created, Instant modified, Long size) {
        ObjectNode model = JSON.createObjectNode();
        model.put("name", ApiPath.name(path));
        model.put("path", path);
        model.put("type", type);
        model.put("writable", true);
        model.put("created", time(created));
        model.put("last_modified", time(modified));
        if (size == null) {
            model.putNull("size");
        } else {
            model.put("size", size);
        }
        model.putNull("mimetype");
        model.putNull("content");
        model.putNull("format");
        model.putNull("hash");
        model.putNull("hash_algorithm");
        return model;
    }

    static ObjectNode directory(String path, Instant created, Instant modified, ArrayNode content) {
        ObjectNode model = base(path, "directory", created, modified, null);
        if (content != null) {
            model.set("content", content);
            model.put("format", "json");
        }
        return model;
    }

    /**
     * A notebook's model.
     *
     * @param ipynb   the notebook's nbformat 4.5 bytes, for its size
     * @param hashed  the bytes whose hash the model gives
     * @param content the notebook as the model carries it ({@link NotebookJson}), or null for a model without
     */
    static ObjectNode notebook(String path, Instant created, Instant modified, byte[] ipynb, byte[] hashed,
                               JsonNode content, boolean withHash) {
        ObjectNode model = base(path, "notebook", created, modified, (long) ipynb.length);
        if (content != null) {
            model.set("content", content);
            model.put("format", "json");
        }
        if (withHash) {
            hash(model, hashed);
        }
        return model;
    }

    /**
     * A plain file's model.
     *
     * @param bytes  the file's bytes, or null when neither content nor hash is wanted
     * @param format "text", "base64" or null (text when the bytes are UTF-8, else base64) when content is wanted
     */
    static ObjectNode file(String path, Instant created, Instant modified, long size, byte[] bytes,
                           boolean withContent, String format, boolean withHash) {
        ObjectNode model = base(path, "file", created, modified, size);
        String mimetype = MimeTypes.guess(ApiPath.name(path));
        model.put("mimetype", mimetype);
        if (withContent) {
            String text = "base64".equals(format) ? null : FileContent.utf8(bytes);
            if (text == null && "text".equals(format)) {
                throw HttpException.badRequest(path + " is not UTF-8 encoded");
            }
            model.put("content", text != null ? text : FileContent.base64(bytes));
            model.put("format", text != null ? "text" : "base64");
            if (mimetype == null) {
                model.put("mimetype", text != null ? "text/plain" : "application/octet-stream");
            }
        }
        if (withHash) {
            hash(model, bytes);
        }
        return model;
    }

    private static void hash(ObjectNode model, byte[] bytes) {
        try {
            model.put("hash", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            model.put("hash_algorithm", HASH_ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** A checkpoint's model: {@code {id, last_modified}}. */
    static ObjectNode checkpoint(String id, Instant modified) {
        return JSON.createObjectNode().put("id", id).put("last_modified", time(modified));
    }

    /** A time as Jupyter writes it: {@code 2024-05-01T12:30:00.123456Z} (no fraction when it is zero). */
    static String time(Instant instant) {
        return instant.getNano() / 1000 == 0 ? SECONDS.format(instant) : MICROS.format(instant);
    }

    static Instant parseTime(String time) {
        return Instant.parse(time);
    }

    /** Parses a request body; null when there is none. */
    static JsonNode parseBody(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw HttpException.badRequest("Invalid JSON in body of request: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw HttpException.badRequest("cannot read the body of the request: " + e.getMessage());
        }
    }

    static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a contents model: " + e.getMessage(), e);
        }
    }
}
