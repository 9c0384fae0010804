package io.quire.domain.nbformat;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON text exactly as Python writes it with
 * {@code json.dumps(value, sort_keys=True, indent=1, separators=(",", ": "), ensure_ascii=False)}, the call
 * behind {@code nbformat.writes}:
 * <pre>
 * {
 *  "a": [],
 *  "b": {},
 *  "c": [
 *   1,
 *   2.5
 *  ]
 * }
 * </pre>
 * Keys are sorted by code point at every level, each level indents one more space, empty arrays and objects stay
 * on one line, non-ASCII text is written as is, and only {@code "}, {@code \} and control characters below U+0020
 * are escaped. Numbers follow Python: integers as written, floats as {@code repr} ({@link PythonFloat}).
 */
final class PythonJson {

    private PythonJson() {
    }

    /** {@code value} as Python's {@code json.dumps} writes it, without a final newline. */
    static String dumps(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, 0, out);
        return out.toString();
    }

    /**
     * {@code value} as {@link #dumps(JsonNode)} writes it where it sits {@code depth} levels deep in a larger
     * document: its inner lines are indented for that depth, its first line is not.
     */
    static String dumps(JsonNode value, int depth) {
        StringBuilder out = new StringBuilder();
        write(value, depth, out);
        return out.toString();
    }

    private static void write(JsonNode value, int depth, StringBuilder out) {
        switch (value.getNodeType()) {
            case OBJECT -> writeObject(value, depth, out);
            case ARRAY -> writeArray(value, depth, out);
            case STRING -> writeString(value.textValue(), out);
            case NUMBER -> out.append(value.isIntegralNumber() ? value.bigIntegerValue().toString()
                    : PythonFloat.json(value.doubleValue()));
            case BOOLEAN -> out.append(value.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("not JSON data: " + value.getNodeType() + " node");
        }
    }

    private static void writeObject(JsonNode object, int depth, StringBuilder out) {
        if (object.isEmpty()) {
            out.append("{}");
            return;
        }
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
        // Python compares str by code point; String.compareTo compares UTF-16 units, which puts characters
        // outside the BMP (emoji) before U+E000-U+FFFF.
        fields.sort((a, b) -> compareCodePoints(a.getKey(), b.getKey()));
        out.append('{');
        for (int i = 0; i < fields.size(); i++) {
            out.append(i == 0 ? "" : ",");
            newline(depth + 1, out);
            writeString(fields.get(i).getKey(), out);
            out.append(": ");
            write(fields.get(i).getValue(), depth + 1, out);
        }
        newline(depth, out);
        out.append('}');
    }

    private static void writeArray(JsonNode array, int depth, StringBuilder out) {
        if (array.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < array.size(); i++) {
            out.append(i == 0 ? "" : ",");
            newline(depth + 1, out);
            write(array.get(i), depth + 1, out);
        }
        newline(depth, out);
        out.append(']');
    }

    private static void newline(int depth, StringBuilder out) {
        out.append('\n').append(" ".repeat(depth));
    }

    /**
     * What {@link #dumps(JsonNode, int)} writes for {@code MimeBundles.lines(text)}, the text's lines as an array,
     * written straight from the text into a buffer of {@code capacity} chars to begin with: a cell's source is
     * written so at every keystroke batch, and building the lines and their JSON nodes first took ~6% of the CPU
     * samples of an edit (JFR).
     */
    static String dumpsLines(String text, int depth, int capacity) {
        if (text.isEmpty()) {
            return "[]";
        }
        StringBuilder out = new StringBuilder(capacity).append('[');
        for (int start = 0; start < text.length(); ) {
            int end = Lines.lineEnd(text, start);
            if (start > 0) {
                out.append(',');
            }
            newline(depth + 1, out);
            writeString(text, start, end, out);
            start = end;
        }
        newline(depth, out);
        return out.append(']').toString();
    }

    /** Python's {@code ensure_ascii=False} escaping (json.encoder's ESCAPE and ESCAPE_DCT). */
    static void writeString(String text, StringBuilder out) {
        writeString(text, 0, text.length(), out);
    }

    /** {@link #writeString(String, StringBuilder)} for {@code text[from, to)} alone. */
    private static void writeString(String text, int from, int to, StringBuilder out) {
        out.append('"');
        // Characters that need no escape are copied in runs: notebooks are mostly such text, and a 5 MB notebook is
        // written again on every change of the live read model.
        int run = from;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\'
                    && !(Character.isSurrogate(c) && isLoneSurrogate(text, from, to, i))) {
                continue;
            }
            appendRun(text, run, i, out);
            run = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // A control character, or a lone surrogate, which cannot be encoded as UTF-8 (Python fails on
                    // it): escaping it keeps the file valid and reads back as the same string.
                    String hex = Integer.toHexString(c);
                    out.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
                }
            }
        }
        appendRun(text, run, to, out);
        out.append('"');
    }

    /** Whether the surrogate at {@code i} has no partner within {@code text[from, to)}. */
    private static boolean isLoneSurrogate(String text, int from, int to, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= to || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == from || !Character.isHighSurrogate(text.charAt(i - 1)));
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /**
     * Appends {@code text[from, to)}. JDK 17's {@code StringBuilder.append(CharSequence, int, int)} copies char by
     * char; a substring is copied twice, but each time as one block ({@code System.arraycopy}).
     */
    private static void appendRun(String text, int from, int to, StringBuilder out) {
        if (from == 0 && to == text.length()) {
            out.append(text);
        } else if (to > from) {
            out.append(text.substring(from, to));
        }
    }
}
