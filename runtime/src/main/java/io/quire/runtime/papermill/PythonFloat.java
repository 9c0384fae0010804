package io.quire.runtime.papermill;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)} (also its {@code str}): the shortest decimal that reads back as the same double, in
 * fixed notation when the decimal point falls within 16 digits and in exponent notation otherwise; {@code nan},
 * {@code inf}, {@code -inf}. Java 17's {@code Double.toString} differs in notation and is not always the shortest.
 *
 * <p>The domain has the same algorithm for JSON ({@code io.quire.domain.nbformat.PythonFloat}) but keeps it
 * package-private and spells non-finite values as JSON does.
 */
public final class PythonFloat {

    private PythonFloat() {
    }

    /** {@code repr(value)} as Python 3 writes it. */
    public static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(value);
        String digits = shortest.unscaledValue().abs().toString();
        // Where the decimal point falls relative to the first digit (0.d1d2... x 10^point), as in Python's dtoa.
        int point = digits.length() - shortest.scale();
        String sign = value < 0 ? "-" : "";
        if (point <= -4 || point > 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int exponent = point - 1;
            int magnitude = Math.abs(exponent);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + magnitude;
        }
        if (point <= 0) {
            return sign + "0." + "0".repeat(-point) + digits;
        }
        if (point >= digits.length()) {
            return sign + digits + "0".repeat(point - digits.length()) + ".0";
        }
        return sign + digits.substring(0, point) + "." + digits.substring(point);
    }

    /** The fewest significant digits that read back as {@code value}: the nearest decimal of each precision. */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == value) {
                return rounded.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
