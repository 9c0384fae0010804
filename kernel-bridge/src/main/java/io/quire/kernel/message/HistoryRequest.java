package io.quire.kernel.message;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.kernel.wire.Json;

/**
 * The content of a {@code history_request}. Use the factories: which fields matter depends on the access type.
 *
 * @param output     also return each input's output
 * @param raw        the raw input, before IPython's transformations
 * @param accessType {@code tail}, {@code range} or {@code search}
 * @param session    for range: the session number (0 = current, negative = counting back)
 * @param start      for range: the first line
 * @param stop       for range: the line after the last
 * @param n          for tail and search: how many entries at most
 * @param pattern    for search: a glob on the input
 * @param unique     for search: leave out duplicates
 */
public record HistoryRequest(boolean output, boolean raw, String accessType, int session, int start, int stop,
                             int n, String pattern, boolean unique) {

    /** The last {@code n} inputs. */
    public static HistoryRequest tail(int n, boolean output) {
        return new HistoryRequest(output, true, "tail", 0, 0, 0, n, "", false);
    }

    /** Lines {@code start} (inclusive) to {@code stop} (exclusive) of a session (0 = the current one). */
    public static HistoryRequest range(int session, int start, int stop, boolean output) {
        return new HistoryRequest(output, true, "range", session, start, stop, 0, "", false);
    }

    /** Inputs matching a glob pattern, e.g. {@code "*print*"}. */
    public static HistoryRequest search(String pattern, int n, boolean unique, boolean output) {
        return new HistoryRequest(output, true, "search", 0, 0, 0, n, pattern, unique);
    }

    /** The message content. */
    public ObjectNode toContent() {
        ObjectNode content = Json.object();
        content.put("output", output);
        content.put("raw", raw);
        content.put("hist_access_type", accessType);
        content.put("session", session);
        content.put("start", start);
        content.put("stop", stop);
        content.put("n", n);
        content.put("pattern", pattern);
        content.put("unique", unique);
        return content;
    }
}
