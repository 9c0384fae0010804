package io.quire.gateway.http.contents;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.gateway.http.HttpException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A plain file's content as the contents API carries it: UTF-8 text, or base64 as Python's
 * {@code base64.encodebytes} writes it (lines of 76 characters, each ending with a newline). Stateless.
 */
final class FileContent {

    private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(76, new byte[]{'\n'});

    private FileContent() {
    }

    /** The bytes as text, or null when they are not UTF-8. */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static String base64(byte[] bytes) {
        return bytes.length == 0 ? "" : ENCODER.encodeToString(bytes) + "\n";
    }

    /**
     * The bytes a saved model's {@code content} stands for.
     *
     * @throws HttpException 400 when the format is not text or base64, or the content does not fit it
     */
    static byte[] decode(String path, JsonNode content, String format) {
        if (!"text".equals(format) && !"base64".equals(format)) {
            throw HttpException.badRequest("Must specify format of file contents as 'text' or 'base64'");
        }
        if (content == null || !content.isTextual()) {
            throw HttpException.badRequest("Encoding error saving " + path + ": the content of a file must be a string");
        }
        try {
            if ("text".equals(format)) {
                return toBytes(StandardCharsets.UTF_8.newEncoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .encode(CharBuffer.wrap(content.textValue())));
            }
            return Base64.getMimeDecoder().decode(content.textValue());
        } catch (CharacterCodingException | IllegalArgumentException e) {
            throw HttpException.badRequest("Encoding error saving " + path + ": " + e.getMessage());
        }
    }

    private static byte[] toBytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
