package io.quire.bench;

import java.util.Locale;

/**
 * What a figure must reach, as the issue states it: a lower bound ("at least 5,000 edits/s") or an upper bound
 * ("at most 10 ms"). {@link #NONE} marks a figure that is reported for information.
 *
 * @param atLeast true for a lower bound, false for an upper bound
 * @param bound   the bound, in the figure's unit
 */
public record Target(boolean atLeast, double bound) {

    /** No target: the figure is information (a reference, a ratio). */
    public static final Target NONE = new Target(true, Double.NaN);

    public static Target atLeast(double bound) {
        return new Target(true, bound);
    }

    public static Target atMost(double bound) {
        return new Target(false, bound);
    }

    public boolean isNone() {
        return Double.isNaN(bound);
    }

    public boolean isMetBy(double value) {
        return atLeast ? value >= bound : value <= bound;
    }

    /** "≥ 5,000" or "≤ 10", in the figure's unit; empty for {@link #NONE}. */
    public String describe(String unit) {
        return isNone() ? "" : (atLeast ? ">= " : "<= ") + Figure.number(bound) + " " + unit;
    }

    @Override
    public String toString() {
        return isNone() ? "none" : String.format(Locale.ROOT, "%s %s", atLeast ? ">=" : "<=", bound);
    }
}
