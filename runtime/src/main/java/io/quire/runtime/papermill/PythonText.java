package io.quire.runtime.papermill;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's own string operations where papermill relies on them and Java's differ: {@code str.splitlines},
 * {@code str.strip} and the {@code unicode_escape} codec.
 */
public final class PythonText {

    private PythonText() {
    }

    /**
     * {@code text.encode('unicode_escape').decode('utf-8')}: printable ASCII as is except the backslash, {@code \t},
     * {@code \n}, {@code \r} by name, other characters as {@code \xhh}, {@code \}{@code uhhhh} or {@code \Uhhhhhhhh}.
     * A lone surrogate (possible in a Java string, as in a Python one) is escaped like any other code point.
     */
    public static String unicodeEscape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c >= 0x20 && c < 0x7f) {
                out.append((char) c);
            } else if (c < 0x100) {
                out.append(String.format("\\x%02x", c));
            } else if (c < 0x10000) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append(String.format("\\U%08x", c));
            }
        });
        return out.toString();
    }

    /** {@code str.splitlines()}: splits at every line boundary Python knows, dropping the boundaries. */
    public static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isLineBoundary(c)) {
                lines.add(text.substring(start, i));
                i += (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** {@code str.strip()}: removes what Python's {@code str.isspace} calls whitespace at both ends. */
    public static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Python's {@code str.isspace} for one character (Java's {@code isWhitespace} leaves out no-break spaces). */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085' || (c >= 0x1c && c <= 0x1f);
    }

    private static boolean isLineBoundary(char c) {
        return c == '\n' || c == '\r' || c == '\u000b' || c == '\u000c' || (c >= 0x1c && c <= 0x1e)
                || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
