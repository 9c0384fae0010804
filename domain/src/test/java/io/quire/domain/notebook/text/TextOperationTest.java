package io.quire.domain.notebook.text;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextOperationTest {

    /** Code points the random texts are made of: ASCII, a newline, accents, CJK and characters outside the BMP. */
    private static final String[] ALPHABET = {"a", "b", "c", " ", "\n", "é", "漢", "😀", "𝄞", "👍", "\uD83C\uDFFD"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TextOperation op(Object... parts) {
        return TextOperation.fromJson(List.of(parts));
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    // ---- apply ----

    @Test
    void appliesRetainsInsertsAndDeletesInOrder() {
        assertThat(op(2, "XY", -1, 2).apply("abcde")).isEqualTo("abXYde");
        assertThat(op("start ", 3).apply("abc")).isEqualTo("start abc");
        assertThat(op(-3).apply("abc")).isEmpty();
        assertThat(op("new").apply("")).isEqualTo("new");
    }

    @Test
    void countsCharactersOutsideTheBmpAsOne() {
        assertThat(op(1, -1, 1).apply("a😀b")).isEqualTo("ab");
        assertThat(op(2, "𝄞", 1).apply("😀😀😀")).isEqualTo("😀😀𝄞😀");
        assertThat(op("x", 4).baseLength()).isEqualTo(4);
        assertThat(op("😀", 1).targetLength()).isEqualTo(2);
    }

    @Test
    void refusesATextShorterOrLongerThanTheOperationCovers() {
        assertThatThrownBy(() -> op(3, "d").apply("ab"))
                .isInstanceOf(TextMismatchException.class).hasMessageContaining("3").hasMessageContaining("2");
        assertThatThrownBy(() -> op(3, "d").apply("abcd")).isInstanceOf(TextMismatchException.class);
        // Two UTF-16 units but one code point: an operation written for UTF-16 lengths does not fit.
        assertThatThrownBy(() -> op(2).apply("😀")).isInstanceOf(TextMismatchException.class);
        // Deletes and retains past the end, in Latin-1 text and in text of one UTF-16 unit per character.
        assertThatThrownBy(() -> op(1, -5).apply("ab")).isInstanceOf(TextMismatchException.class);
        assertThatThrownBy(() -> op(1, -5).apply("漢字")).isInstanceOf(TextMismatchException.class);
        assertThatThrownBy(() -> op(5, "x").apply("漢字")).isInstanceOf(TextMismatchException.class);
    }

    @Test
    void appliesToTextWithoutSurrogatesByCharOffsets() {
        assertThat(op(1, "é", -1, 1).apply("漢字の")).isEqualTo("漢éの");
        assertThat(op(2, -1, "!").apply("abc")).isEqualTo("ab!");
    }

    // ---- transform ----

    @Test
    void concurrentEditsConvergeInEitherOrderForThousandsOfRandomPairs() {
        for (long seed = 0; seed < 5_000; seed++) {
            Random random = new Random(seed);
            String s = randomText(random, random.nextInt(12));
            TextOperation a = randomOperation(random, s);
            TextOperation b = randomOperation(random, s);
            TextOperation.Transformed t = TextOperation.transform(a, b);
            String viaA = t.bPrime().apply(a.apply(s));
            String viaB = t.aPrime().apply(b.apply(s));
            assertThat(viaA).as("seed %d: s=%s a=%s b=%s a'=%s b'=%s", seed, s, a, b, t.aPrime(), t.bPrime())
                    .isEqualTo(viaB);
            assertThat(t.aPrime().baseLength()).isEqualTo(b.targetLength());
            assertThat(t.bPrime().baseLength()).isEqualTo(a.targetLength());
        }
    }

    @Test
    void whenBothInsertAtOnePlaceTheFirstAcceptedTextComesFirst() {
        TextOperation a = op(1, "A", 1);
        TextOperation b = op(1, "B", 1);
        TextOperation.Transformed t = TextOperation.transform(a, b);
        assertThat(t.bPrime().apply(a.apply("xy"))).isEqualTo("xABy");
        assertThat(t.aPrime().apply(b.apply("xy"))).isEqualTo("xABy");
        TextOperation.Transformed reversed = TextOperation.transform(b, a);
        assertThat(reversed.bPrime().apply(b.apply("xy"))).isEqualTo("xBAy");
    }

    @Test
    void anInsertWhereTheOtherDeletesSurvivesTheDelete() {
        TextOperation insert = op(2, "Z", 2);
        TextOperation delete = op(1, -3);
        assertThat(TextOperation.transform(insert, delete).bPrime()).isEqualTo(op(1, -1, 1, -2));
        assertThat(TextOperation.transform(delete, insert).bPrime()).isEqualTo(op(1, "Z"));
        assertThat(TextOperation.transform(delete, insert).bPrime().apply(delete.apply("abcd"))).isEqualTo("aZ");
    }

    @Test
    void overlappingDeletesRemoveTheUnionOnce() {
        TextOperation a = op(1, -3, 2); // deletes "bcd" of "abcdef"
        TextOperation b = op(2, -3, 1); // deletes "cde"
        TextOperation.Transformed t = TextOperation.transform(a, b);
        assertThat(t.bPrime()).isEqualTo(op(1, -1, 1));
        assertThat(t.aPrime()).isEqualTo(op(1, -1, 1));
        assertThat(t.bPrime().apply(a.apply("abcdef"))).isEqualTo("af");
        TextOperation same = TextOperation.transform(a, a).bPrime();
        assertThat(same.isNoop()).isTrue();
    }

    @Test
    void refusesToTransformEditsOfDifferentTexts() {
        assertThatThrownBy(() -> TextOperation.transform(op(3), op(4)))
                .isInstanceOf(TextMismatchException.class).hasMessageContaining("3").hasMessageContaining("4");
        assertThatThrownBy(() -> TextOperation.transform(op("x"), op(1))).isInstanceOf(TextMismatchException.class);
    }

    // ---- JSON ----

    @Test
    void roundTripsThroughJsonAsAnArray() throws Exception {
        assertThat(JSON.writeValueAsString(op(5, "abc", -2, 10))).isEqualTo("[5,\"abc\",-2,10]");
        assertThat(JSON.readValue("[5,\"a😀\",-2,10]", TextOperation.class)).isEqualTo(op(5, "a😀", -2, 10));
        assertThat(JSON.readValue("[]", TextOperation.class).isNoop()).isTrue();
        for (long seed = 0; seed < 1_000; seed++) {
            Random random = new Random(seed);
            TextOperation operation = randomOperation(random, randomText(random, random.nextInt(10)));
            String json = JSON.writeValueAsString(operation);
            assertThat(JSON.readValue(json, TextOperation.class)).as("seed %d: %s", seed, json).isEqualTo(operation);
            assertThat(JSON.readValue(json, new TypeReference<List<Object>>() { })).isEqualTo(operation.toJson());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"[0]", "[1.5]", "[null]", "[true]", "[{\"retain\":1}]", "[[1]]", "[4294967296]"})
    void refusesJsonThatIsNotRetainInsertOrDelete(String json) {
        assertThatThrownBy(() -> JSON.readValue(json, TextOperation.class)).hasMessageContaining("text operation");
    }

    // ---- replace (whole-text saves) ----

    @Test
    void replaceTurnsTheOldTextIntoTheNewForRandomPairs() {
        for (long seed = 0; seed < 3_000; seed++) {
            Random random = new Random(seed);
            String common = randomText(random, random.nextInt(4));
            String oldText = common + randomText(random, random.nextInt(6)) + common;
            String newText = random.nextBoolean() ? randomOperation(random, oldText).apply(oldText)
                    : common + randomText(random, random.nextInt(6)) + common;
            TextOperation replace = TextOperation.replace(oldText, newText);
            assertThat(replace.apply(oldText)).as("seed %d: %s -> %s by %s", seed, oldText, newText, replace)
                    .isEqualTo(newText);
            assertThat(replace.baseLength()).isEqualTo(length(oldText));
            assertThat(replace.targetLength()).isEqualTo(length(newText));
        }
    }

    @Test
    void replaceKeepsTheCommonBeginningAndEnd() {
        assertThat(TextOperation.replace("hello world", "hello there world")).isEqualTo(op(6, "there ", 5));
        assertThat(TextOperation.replace("a😀b", "a😁b")).isEqualTo(op(1, "😁", -1, 1));
        assertThat(TextOperation.replace("aaa", "aa")).isEqualTo(op(2, -1));
        assertThat(TextOperation.replace("same", "same").isNoop()).isTrue();
        assertThat(TextOperation.replace("", "")).isEqualTo(op());
    }

    // ---- builder ----

    @Test
    void builderMergesAdjacentStepsDropsEmptyOnesAndPutsInsertsBeforeDeletes() {
        TextOperation built = TextOperation.builder()
                .retain(1).retain(2).retain(0)
                .delete(1).insert("a").delete(0).insert("").delete(2).insert("b")
                .retain(1)
                .build();
        assertThat(built.components()).containsExactly(new TextComponent.Retain(3), new TextComponent.Insert("ab"),
                new TextComponent.Delete(3), new TextComponent.Retain(1));
        assertThat(built).isEqualTo(op(3, "ab", -3, 1)).hasSameHashCodeAs(op(3, "ab", -3, 1));
        assertThat(TextOperation.builder().insert("x").delete(1).build())
                .isEqualTo(TextOperation.builder().delete(1).insert("x").build());
        assertThat(TextOperation.builder().build().components()).isEmpty();
    }

    @Test
    void builderRefusesNegativeCounts() {
        assertThatThrownBy(() -> TextOperation.builder().retain(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TextOperation.builder().delete(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAnOperationOfRetainsIsANoop() {
        assertThat(op(4).isNoop()).isTrue();
        assertThat(op().isNoop()).isTrue();
        assertThat(op(4, "x").isNoop()).isFalse();
        assertThat(op(3, -1).isNoop()).isFalse();
    }

    /**
     * Lengths are code points, so an insert must not hold half a surrogate pair: two halves inserted by two edits
     * would fuse into one character and every later length (and every stale edit transformed over them) is off by one.
     */
    @Test
    void anInsertCannotHoldHalfASurrogatePair() {
        assertThatThrownBy(() -> TextOperation.fromJson(List.of("\uD83D")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TextOperation.builder().insert("a\uDE00").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- generators ----

    static String randomText(Random random, int codePoints) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }

    /** A random edit of {@code text}: retains, deletes and inserts over all of it, in any order. */
    static TextOperation randomOperation(Random random, String text) {
        TextOperation.Builder builder = TextOperation.builder();
        int remaining = length(text);
        while (remaining > 0 || random.nextInt(4) == 0) {
            int kind = random.nextInt(3);
            if (kind == 0 || remaining == 0) {
                builder.insert(randomText(random, 1 + random.nextInt(3)));
                if (remaining == 0) {
                    break;
                }
            } else {
                int n = 1 + random.nextInt(remaining);
                if (kind == 1) {
                    builder.retain(n);
                } else {
                    builder.delete(n);
                }
                remaining -= n;
            }
        }
        return builder.build();
    }
}
