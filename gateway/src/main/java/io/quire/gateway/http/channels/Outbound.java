package io.quire.gateway.http.channels;

import io.vertx.core.buffer.Buffer;

/**
 * One WebSocket message to send: text, or binary when {@code text} is null. Encoded once and written to every front
 * end of its protocol as it is; its size in bytes is computed once too.
 */
record Outbound(String text, Buffer binary, long size) {

    static Outbound text(String text) {
        // Vert.x writes text as UTF-8; Jupyter's messages are mostly ASCII, so this counts bytes closely enough
        return new Outbound(text, null, utf8Length(text));
    }

    static Outbound binary(Buffer binary) {
        return new Outbound(null, binary, binary.length());
    }

    /** The UTF-8 length of {@code text}, without encoding it. */
    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
