package io.quire.bench;

/** What a run is doing, on stderr, so that stdout holds only the report. */
public final class Progress {

    private Progress() {
    }

    /** Prints {@code <store> <benchmark>: <message>}. */
    public static void say(String store, String benchmark, String format, Object... args) {
        System.err.printf("%s %s: %s%n", store, benchmark, String.format(format, args));
    }
}
