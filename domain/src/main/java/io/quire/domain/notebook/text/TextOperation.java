package io.quire.domain.notebook.text;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An edit of a text as a walk over all of it: retain {@code n} characters, insert a string, delete {@code n}
 * characters. Lengths count Unicode code points, as the Jupyter protocol does for cursor positions, so an edit can
 * never split a surrogate pair.
 *
 * <p>In JSON an operation is an array: a positive number retains, a negative number deletes, a string inserts,
 * e.g. {@code [5, "abc", -2, 10]}. An operation must cover exactly the text it is applied to.
 */
public final class TextOperation {

    private final List<TextComponent> components;
    private final int baseLength;
    private final int targetLength;

    private TextOperation(List<TextComponent> components) {
        this.components = List.copyOf(components);
        int base = 0;
        int target = 0;
        for (TextComponent component : components) {
            base += component.baseLength();
            target += component.targetLength();
        }
        this.baseLength = base;
        this.targetLength = target;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An operation that replaces all of {@code oldText} with {@code newText} (a convenience for whole-text saves). */
    public static TextOperation replace(String oldText, String newText) {
        return TextDiff.between(oldText, newText);
    }

    /**
     * Reads the JSON array form.
     *
     * @throws IllegalArgumentException when an element is neither a non-zero integer nor a string
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TextOperation fromJson(List<Object> json) {
        Builder builder = builder();
        for (Object element : json) {
            if (element instanceof String text) {
                builder.insert(text);
            } else if (element instanceof Number number && number.longValue() == number.doubleValue()
                    && number.longValue() != 0 && Math.abs(number.longValue()) <= Integer.MAX_VALUE) {
                int n = number.intValue();
                if (n > 0) {
                    builder.retain(n);
                } else {
                    builder.delete(-n);
                }
            } else {
                throw new IllegalArgumentException("a text operation holds positive numbers (retain), negative numbers"
                        + " (delete) and strings (insert), not " + element);
            }
        }
        return builder.build();
    }

    @JsonValue
    public List<Object> toJson() {
        List<Object> json = new ArrayList<>(components.size());
        for (TextComponent component : components) {
            json.add(component.toJson());
        }
        return json;
    }

    public List<TextComponent> components() {
        return components;
    }

    /** The length, in code points, of the text this operation applies to. */
    public int baseLength() {
        return baseLength;
    }

    /** The length, in code points, of the text this operation produces. */
    public int targetLength() {
        return targetLength;
    }

    /** True when applying this operation changes nothing. */
    public boolean isNoop() {
        return components.stream().allMatch(c -> c instanceof TextComponent.Retain);
    }

    /**
     * Applies this operation to {@code text}.
     *
     * @throws TextMismatchException when the operation does not cover exactly {@code text}
     */
    public String apply(String text) {
        // One pass: offsets by code point as the components go, the length checked at the end (a separate
        // codePointCount walked every cell's whole text once more per edit).
        StringBuilder result = new StringBuilder(text.length() + 16);
        // Without surrogate pairs a code point is a char, and an offset is a sum: String.offsetByCodePoints walks
        // the text char by char (~6% of an edit's CPU time in a 10 KB cell). The count is O(1) for Latin-1 text.
        boolean oneCharPerCodePoint = text.codePointCount(0, text.length()) == text.length();
        int index = 0;
        try {
            for (TextComponent component : components) {
                if (component instanceof TextComponent.Retain retain) {
                    int end = oneCharPerCodePoint ? Math.addExact(index, retain.count())
                            : text.offsetByCodePoints(index, retain.count());
                    if (end > text.length()) {
                        throw mismatch(text);
                    }
                    // Not append(text, index, end): JDK 17 copies that char by char, a substring with arraycopy.
                    result.append(index == 0 && end == text.length() ? text : text.substring(index, end));
                    index = end;
                } else if (component instanceof TextComponent.Delete delete) {
                    index = oneCharPerCodePoint ? Math.addExact(index, delete.count())
                            : text.offsetByCodePoints(index, delete.count());
                    if (index > text.length()) {
                        throw mismatch(text);
                    }
                } else {
                    result.append(((TextComponent.Insert) component).text());
                }
            }
        } catch (IndexOutOfBoundsException | ArithmeticException e) {
            throw mismatch(text);
        }
        if (index != text.length()) {
            throw mismatch(text);
        }
        return result.toString();
    }

    private TextMismatchException mismatch(String text) {
        return new TextMismatchException("the edit covers " + baseLength + " characters but the text has "
                + text.codePointCount(0, text.length()));
    }

    /**
     * Transforms two operations written against the same text so that each can follow the other:
     * {@code b.apply(a.apply(s))' == a'.apply(b.apply(s))}. Where both insert at the same place, {@code a}'s text
     * comes first: pass the operation the server accepted first as {@code a}.
     *
     * @throws TextMismatchException when the two do not apply to texts of the same length
     */
    public static Transformed transform(TextOperation a, TextOperation b) {
        return TextTransform.transform(a, b);
    }

    /** A pair of transformed operations: {@code aPrime} follows {@code b}, {@code bPrime} follows {@code a}. */
    public record Transformed(TextOperation aPrime, TextOperation bPrime) {
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TextOperation that && components.equals(that.components);
    }

    @Override
    public int hashCode() {
        return Objects.hash(components);
    }

    @Override
    public String toString() {
        return toJson().toString();
    }

    /** Builds a normalised operation: adjacent components of one kind merged, empty ones dropped. */
    public static final class Builder {
        private final List<TextComponent> components = new ArrayList<>();

        public Builder retain(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("cannot retain a negative count: " + count);
            }
            if (count > 0) {
                if (last() instanceof TextComponent.Retain retain) {
                    replaceLast(new TextComponent.Retain(retain.count() + count));
                } else {
                    components.add(new TextComponent.Retain(count));
                }
            }
            return this;
        }

        /** @throws IllegalArgumentException when {@code text} holds half of a surrogate pair (no code point) */
        public Builder insert(String text) {
            text.codePoints().filter(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)
                    .findFirst().ifPresent(cp -> {
                        throw new IllegalArgumentException(String.format(
                                "an insert cannot hold half of a surrogate pair: \\u%04X", cp));
                    });
            if (!text.isEmpty()) {
                // Inserts go before deletes at one position, so equal edits always have one form.
                if (last() instanceof TextComponent.Insert insert) {
                    replaceLast(new TextComponent.Insert(insert.text() + text));
                } else if (last() instanceof TextComponent.Delete delete) {
                    components.remove(components.size() - 1);
                    insert(text);
                    components.add(delete);
                } else {
                    components.add(new TextComponent.Insert(text));
                }
            }
            return this;
        }

        public Builder delete(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("cannot delete a negative count: " + count);
            }
            if (count > 0) {
                if (last() instanceof TextComponent.Delete delete) {
                    replaceLast(new TextComponent.Delete(delete.count() + count));
                } else {
                    components.add(new TextComponent.Delete(count));
                }
            }
            return this;
        }

        public TextOperation build() {
            return new TextOperation(components);
        }

        private TextComponent last() {
            return components.isEmpty() ? null : components.get(components.size() - 1);
        }

        private void replaceLast(TextComponent component) {
            components.set(components.size() - 1, component);
        }
    }
}
