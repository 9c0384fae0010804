package io.quire.domain.nbformat;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into lines exactly as Python's {@code str.splitlines(keepends=True)}, which nbformat's
 * {@code split_lines} uses to write multi-line strings as lists.
 *
 * <p>Python breaks lines at more than {@code \n}: also at {@code \r\n}, a lone {@code \r}, {@code \v}, {@code \f},
 * the file, group and record separators (U+001C-U+001E), NEL (U+0085) and the Unicode line and paragraph
 * separators (U+2028, U+2029). Splitting anywhere else would give different bytes than nbformat.
 */
final class Lines {

    private Lines() {
    }

    /**
     * The lines of {@code text}, each with its line break; the last line has none when the text does not end
     * with one. Empty text has no lines.
     */
    static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        for (int start = 0; start < text.length(); ) {
            int end = lineEnd(text, start);
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }

    /** Where the line of {@code text} that begins at {@code start} ends: past its line break, or at the end. */
    static int lineEnd(String text, int start) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                return i + 1;
            }
            if (isLineBreak(c)) {
                return i;
            }
        }
        return i;
    }

    /** Whether Python's {@code str.splitlines} ends a line at {@code c}. */
    static boolean isLineBreak(char c) {
        return switch (c) {
            case '\n', '\r', '\u000B', '\f', '\u001C', '\u001D', '\u001E', '\u0085', '\u2028', '\u2029' -> true;
            default -> false;
        };
    }
}
