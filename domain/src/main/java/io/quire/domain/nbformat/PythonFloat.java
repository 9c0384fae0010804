package io.quire.domain.nbformat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)} ({@link #repr}), which {@code json.dumps} also writes ({@link #json}, which names
 * non-finite values as JSON-ish {@code NaN}/{@code Infinity} where repr says {@code nan}/{@code inf}): the shortest decimal that reads back as the same
 * double, in fixed notation when the decimal point falls within 16 digits ({@code 0.0001}, {@code 100.0}) and in
 * exponent notation otherwise ({@code 1e-05}, {@code 1e+16}). Java's {@code Double.toString} differs in notation
 * and, before Java 19, is not always the shortest.
 */
public final class PythonFloat {

    private PythonFloat() {
    }

    /** As Python's {@code json.dumps} writes a float. */
    public static String json(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return repr(value);
    }

    /** As Python's {@code repr(float)} writes it. */
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
        // Python's decpt: where the decimal point falls relative to the first digit (0.d1d2... x 10^decpt).
        int decimalPoint = digits.length() - shortest.scale();
        String sign = value < 0 ? "-" : "";
        if (decimalPoint <= -4 || decimalPoint > 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int exponent = decimalPoint - 1;
            int magnitude = Math.abs(exponent);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + magnitude;
        }
        if (decimalPoint <= 0) {
            return sign + "0." + "0".repeat(-decimalPoint) + digits;
        }
        if (decimalPoint >= digits.length()) {
            return sign + digits + "0".repeat(decimalPoint - digits.length()) + ".0";
        }
        return sign + digits.substring(0, decimalPoint) + "." + digits.substring(decimalPoint);
    }

    /**
     * The fewest significant digits that read back as {@code value}. For each precision the nearest decimal is the
     * only candidate worth trying: the doubles that round to {@code value} form an interval around it, so if the
     * nearest decimal of that precision is outside it, all others are too.
     */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == value) {
                return rounded.stripTrailingZeros();
            }
        }
        // 17 significant digits always identify a double.
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
