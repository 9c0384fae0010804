package io.quire.bench;

import java.util.Locale;

/**
 * One measured figure of one store: what it is, its value and unit, the target it must reach (if any) and a note
 * saying how it was measured or what it compares with.
 *
 * @param store  which event store: "h2" or "postgres"
 * @param name   what was measured, e.g. "edits/s, 8 editors"
 * @param value  the measured value, in {@code unit}
 * @param unit   e.g. "edits/s", "ms", "B"
 * @param target what the value must reach, or {@link Target#NONE}
 * @param note   how to read it (may be empty)
 */
public record Figure(String store, String name, double value, String unit, Target target, String note) {

    public static Figure of(String store, String name, double value, String unit, Target target) {
        return new Figure(store, name, value, unit, target, "");
    }

    public Figure withNote(String note) {
        return new Figure(store, name, value, unit, target, note);
    }

    /** "PASS", "FAIL", or "" when there is no target. */
    public String verdict() {
        return target.isNone() ? "" : target.isMetBy(value) ? "PASS" : "FAIL";
    }

    public String formattedValue() {
        return number(value) + " " + unit;
    }

    /** A number for people: grouped thousands, and a precision that fits its size. */
    static String number(double value) {
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%,.1f" : "%,.2f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
