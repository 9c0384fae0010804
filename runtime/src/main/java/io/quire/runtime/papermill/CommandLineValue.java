package io.quire.runtime.papermill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The value of papermill's {@code -p NAME VALUE}, typed as its CLI types it: {@code True}/{@code False} are
 * booleans, {@code None} is null, whatever Python's {@code int()} accepts is an integer, whatever its
 * {@code float()} accepts is a float, anything else a string. Python's rules are followed closely: surrounding
 * whitespace, a sign, underscores between digits and non-ASCII decimal digits are accepted ({@code " 1_000 "} is
 * 1000); {@code inf}, {@code -Infinity} and {@code nan} are floats, in any case.
 */
public final class CommandLineValue {

    private static final Pattern INT = Pattern.compile("[+-]?\\d(?:_?\\d)*", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:\\d(?:_?\\d)*(?:\\.(?:\\d(?:_?\\d)*)?)?|\\.\\d(?:_?\\d)*)(?:[eE][+-]?\\d(?:_?\\d)*)?",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(?:inf|infinity|nan)", Pattern.CASE_INSENSITIVE);
    /** Python 3.11 refuses {@code int()} of longer decimal strings (then {@code float()} takes them). */
    private static final int MAX_INT_DIGITS = 4300;

    private CommandLineValue() {
    }

    /** The typed value of {@code text}. */
    public static JsonNode resolve(String text) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (text) {
            case "True":
                return nodes.booleanNode(true);
            case "False":
                return nodes.booleanNode(false);
            case "None":
                return nodes.nullNode();
            default:
                break;
        }
        String number = PythonText.strip(text);
        if (INT.matcher(number).matches() && digits(number) <= MAX_INT_DIGITS) {
            BigInteger value = new BigInteger(ascii(number));
            return value.bitLength() < 32 ? nodes.numberNode(value.intValue())
                    : value.bitLength() < 64 ? nodes.numberNode(value.longValue()) : nodes.numberNode(value);
        }
        if (FLOAT.matcher(number).matches()) {
            return nodes.numberNode(Double.parseDouble(ascii(number)));
        }
        if (SPECIAL.matcher(number).matches()) {
            String lower = number.toLowerCase();
            double value = lower.contains("nan") ? Double.NaN : Double.POSITIVE_INFINITY;
            return nodes.numberNode(lower.startsWith("-") ? -value : value);
        }
        return nodes.textNode(text);
    }

    private static long digits(String number) {
        return number.codePoints().filter(Character::isDigit).count();
    }

    /** The number with ASCII digits and without underscores, as Java's parsers want it. */
    private static String ascii(String number) {
        StringBuilder out = new StringBuilder(number.length());
        number.codePoints().forEach(c -> {
            if (c != '_') {
                out.append(Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10)) : (char) c);
            }
        });
        return out.toString();
    }
}
