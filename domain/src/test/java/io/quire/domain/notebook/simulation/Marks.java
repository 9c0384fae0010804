package io.quire.domain.notebook.simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * Names and character identities of a simulation. Every cell id and every marker token comes from one per-client
 * counter ({@code c<client>-<n>}), so each is unique in a run. Each character a simulated client ever writes gets
 * an identity derived only from the text of the server's events: characters of a cell's initial source are
 * {@code (cell, offset)} and inserted characters are {@code (marker, offset from the marker's start)}, since every
 * insert a client makes starts with a marker such as {@code ⟦c2-17⟧}. Following identities through the accepted
 * text operations tells which characters an edit kept, removed or placed where.
 */
final class Marks {

    static final char OPEN = '⟦';
    static final char CLOSE = '⟧';

    private Marks() {
    }

    static String name(int client, int n) {
        return "c" + client + "-" + n;
    }

    static String marker(int client, int n) {
        return OPEN + name(client, n) + CLOSE;
    }

    /** Identities of the initial source of cell {@code cellId}. */
    static List<Long> initialChars(String cellId, String source) {
        long origin = origin(cellId);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < source.codePointCount(0, source.length()); i++) {
            ids.add(id(origin, i));
        }
        return ids;
    }

    /** Identities of the characters an insert adds; the text must start with a marker. */
    static List<Long> insertedChars(String text) {
        int[] codePoints = text.codePoints().toArray();
        if (codePoints.length > 0 && codePoints[0] != OPEN) {
            throw new IllegalStateException("inserted text '" + text + "' does not start with a marker: a"
                    + " transformation split or merged someone's insert");
        }
        List<Long> ids = new ArrayList<>(codePoints.length);
        long origin = 0;
        int start = 0;
        for (int i = 0; i < codePoints.length; i++) {
            if (codePoints[i] == OPEN) {
                int close = i;
                while (codePoints[close] != CLOSE) {
                    close++;
                }
                origin = origin(new String(codePoints, i + 1, close - i - 1));
                start = i;
            }
            ids.add(id(origin, i - start));
        }
        return ids;
    }

    /** The marker tokens in {@code text}, in order. */
    static List<String> markersIn(String text) {
        List<String> markers = new ArrayList<>();
        int open = text.indexOf(OPEN);
        while (open >= 0) {
            int close = text.indexOf(CLOSE, open);
            markers.add(text.substring(open, close + 1));
            open = text.indexOf(OPEN, close);
        }
        return markers;
    }

    static String describe(long id) {
        long origin = id >>> 20;
        return name((int) (origin / 1_000_000), (int) (origin % 1_000_000)) + "+" + (id & 0xFFFFF);
    }

    private static long origin(String name) {
        int dash = name.indexOf('-');
        return Long.parseLong(name.substring(1, dash)) * 1_000_000 + Long.parseLong(name.substring(dash + 1));
    }

    private static long id(long origin, int offset) {
        return origin << 20 | offset;
    }
}
