package io.quire.runtime.papermill;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JSON values a declared parameter accepts, from its annotation or type comment ({@code float},
 * {@code List[str]}, {@code Optional[int]}, {@code Union[int, str]}), else from its default's literal
 * ({@code 2.25}, {@code 'x'}, {@code [1]}). Lenient where Python is: an int is accepted for a float, a {@code None}
 * default (without a more precise annotation) accepts anything, and so do types and expressions it cannot judge
 * ({@code pathlib.Path}, {@code a * 2}).
 */
final class DeclaredType {

    /** The kinds of JSON value, named as Python calls them. */
    enum Kind {
        NONE("None"), BOOL("bool"), INT("int"), FLOAT("float"), STR("str"), LIST("list"), DICT("dict");

        final String python;

        Kind(String python) {
            this.python = python;
        }

        static Kind of(JsonNode value) {
            if (value == null || value.isNull()) {
                return NONE;
            } else if (value.isBoolean()) {
                return BOOL;
            } else if (value.isIntegralNumber()) {
                return INT;
            } else if (value.isNumber()) {
                return FLOAT;
            } else if (value.isTextual()) {
                return STR;
            } else if (value.isArray()) {
                return LIST;
            }
            return DICT;
        }
    }

    private static final Pattern INT_LITERAL = Pattern.compile(
            "[+-]?(?:\\d[\\d_]*|0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+)");
    private static final Pattern FLOAT_LITERAL = Pattern.compile(
            "[+-]?(?:\\d[\\d_]*\\.[\\d_]*(?:[eE][+-]?\\d+)?|\\.\\d[\\d_]*(?:[eE][+-]?\\d+)?|\\d[\\d_]*[eE][+-]?\\d+)"
                    + "|float\\(\\s*['\"][+-]?(?:inf|nan|infinity)['\"]\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern STRING_LITERAL = Pattern.compile("(?i:[rbuf]{0,2})(['\"]).*", Pattern.DOTALL);

    private final Set<Kind> accepted; // null: anything

    private DeclaredType(Set<Kind> accepted) {
        this.accepted = accepted;
    }

    static DeclaredType of(DeclaredParameter declared) {
        boolean noneDefault = declared.defaultSource().equals("None");
        Set<Kind> fromAnnotation = declared.typeName().equals("None") ? null : annotation(declared.typeName());
        if (fromAnnotation != null && !fromAnnotation.equals(EnumSet.of(Kind.NONE))) {
            if (noneDefault) {
                fromAnnotation.add(Kind.NONE);
            }
            return new DeclaredType(fromAnnotation);
        }
        return new DeclaredType(noneDefault ? null : literal(declared.defaultSource()));
    }

    boolean accepts(JsonNode value) {
        return accepted == null || accepted.contains(Kind.of(value));
    }

    /** The accepted kinds, e.g. {@code int or float}. */
    String describe() {
        if (accepted == null) {
            return "anything";
        }
        List<String> names = new ArrayList<>();
        accepted.forEach(kind -> names.add(kind.python));
        return String.join(" or ", names);
    }

    /** Kinds from a type name, or null when it names something JSON values cannot be judged against. */
    private static Set<Kind> annotation(String typeName) {
        String type = typeName.strip().replaceAll("^['\"]|['\"]$", "").strip();
        List<String> union = topLevel(type, '|');
        if (union.size() > 1) {
            return unionOf(union);
        }
        int bracket = type.indexOf('[');
        String base = (bracket < 0 ? type : type.substring(0, bracket)).strip();
        base = base.substring(base.lastIndexOf('.') + 1);
        String inner = bracket < 0 || !type.endsWith("]") ? "" : type.substring(bracket + 1, type.length() - 1);
        switch (base) {
            case "Optional": {
                Set<Kind> kinds = annotation(inner);
                if (kinds != null) {
                    kinds.add(Kind.NONE);
                }
                return kinds;
            }
            case "Union":
                return unionOf(topLevel(inner, ','));
            default:
                break;
        }
        switch (base.toLowerCase(Locale.ROOT)) {
            case "int":
                return EnumSet.of(Kind.INT);
            case "float":
            case "complex":
                return EnumSet.of(Kind.INT, Kind.FLOAT);
            case "str":
                return EnumSet.of(Kind.STR);
            case "bool":
                return EnumSet.of(Kind.BOOL);
            case "list": case "tuple": case "set": case "frozenset": case "sequence": case "iterable":
                return EnumSet.of(Kind.LIST);
            case "dict": case "mapping": case "mutablemapping":
                return EnumSet.of(Kind.DICT);
            case "none": case "nonetype":
                return EnumSet.of(Kind.NONE);
            default:
                return null;
        }
    }

    private static Set<Kind> unionOf(List<String> members) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (String member : members) {
            Set<Kind> each = annotation(member);
            if (each == null) {
                return null;
            }
            kinds.addAll(each);
        }
        return kinds;
    }

    /** {@code text} split at {@code separator} outside brackets. */
    private static List<String> topLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).strip());
        return parts;
    }

    /** Kinds from a default's source text, or null when it is an expression rather than a literal. */
    private static Set<Kind> literal(String source) {
        if (source.equals("True") || source.equals("False")) {
            return EnumSet.of(Kind.BOOL);
        } else if (INT_LITERAL.matcher(source).matches()) {
            return EnumSet.of(Kind.INT);
        } else if (FLOAT_LITERAL.matcher(source).matches()) {
            return EnumSet.of(Kind.INT, Kind.FLOAT);
        } else if (STRING_LITERAL.matcher(source).matches()) {
            return EnumSet.of(Kind.STR);
        } else if (source.startsWith("[") || source.startsWith("(")) {
            return EnumSet.of(Kind.LIST);
        } else if (source.startsWith("{")) {
            return source.equals("{}") || source.contains(":") ? EnumSet.of(Kind.DICT) : EnumSet.of(Kind.LIST);
        }
        return null;
    }
}
