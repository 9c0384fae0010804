package io.quire.domain.nbformat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** JSON text as Python's {@code json.dumps(sort_keys=True, indent=1, ensure_ascii=False)} writes it. */
class PythonJsonTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    @TempDir
    Path temp;

    @Test
    void floatsAreWrittenAsPythonsRepr() {
        // Each pair: a double and Python 3.11's repr of it.
        Object[][] expected = {
                {0.1, "0.1"}, {1e-05, "1e-05"}, {0.0001, "0.0001"}, {1e16, "1e+16"}, {1.5e300, "1.5e+300"},
                {100.0, "100.0"}, {-0.0, "-0.0"}, {0.0, "0.0"}, {123456789.123, "123456789.123"},
                {9999999999999998.0, "9999999999999998.0"}, {5e-324, "5e-324"}, {1e22, "1e+22"},
                {1.0 / 3, "0.3333333333333333"}, {Math.pow(2, 60), "1.152921504606847e+18"},
                {-Double.MAX_VALUE, "-1.7976931348623157e+308"}, {0.00012345, "0.00012345"},
                {1234567890123456.7, "1234567890123456.8"}, {Double.MIN_NORMAL, "2.2250738585072014e-308"},
                {Double.NaN, "NaN"}, {Double.POSITIVE_INFINITY, "Infinity"}, {Double.NEGATIVE_INFINITY, "-Infinity"},
        };
        for (Object[] pair : expected) {
            assertThat(PythonFloat.json((Double) pair[0])).as("json.dumps(%s)", pair[0]).isEqualTo(pair[1]);
        }
        assertThat(PythonFloat.repr(Double.NaN)).isEqualTo("nan");
        assertThat(PythonFloat.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }

    @Test
    void onlyQuotesBackslashesAndControlCharactersAreEscaped() {
        String text = "\u0007\u007f\u2028é\"\\\u001f\n😀";

        assertThat(PythonJson.dumps(JsonNodeFactory.instance.textNode(text)))
                .isEqualTo("\"\\u0007\u007f\u2028é\\\"\\\\\\u001f\\n😀\"");
    }

    @Test
    void keysAreSortedByCodePointNotByUtf16Unit() throws Exception {
        JsonNode object = JSON.readTree("{\"\uD83D\uDE00\": 1, \"\uFB01\": 2, \"a\": 3, \"Z\": 4, \"é\": 5}");

        assertThat(PythonJson.dumps(object).replace("\n", ""))
                .isEqualTo("{ \"Z\": 4, \"a\": 3, \"é\": 5, \"\uFB01\": 2, \"\uD83D\uDE00\": 1}");
    }

    @Test
    void aLoneSurrogateIsEscapedSoTheFileStaysUtf8() {
        assertThat(PythonJson.dumps(JsonNodeFactory.instance.textNode("a\uD800b"))).isEqualTo("\"a\\ud800b\"");
    }

    @Test
    void matchesPythonsJsonDumpsOnAnAwkwardDocument() throws Exception {
        Prerequisites.requireNbformat();
        ArrayNode doubles = JsonNodeFactory.instance.arrayNode();
        Random random = new Random(20240101);
        while (doubles.size() < 2000) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(value)) {
                doubles.add(value);
            }
        }
        String document = """
                {"z": [], "a": {}, "\uD83D\uDE00": {"\uFB01": [1, -0, 12345678901234567890123, 1E5, -0.0, 1e400]},
                 "text": "\\u0000\\u001f\\u007f\\b\\f\\t\\r\\n\\"\\\\ é \u2028 \u0085",
                 "nested": [[[]], [{}], {"k": [true, false, null]}], "special": [NaN, Infinity, -Infinity],
                 "doubles": %s}
                """.formatted(JSON.writeValueAsString(doubles));
        Path input = Files.writeString(temp.resolve("in.json"), document, UTF_8);
        Path output = temp.resolve("out.json");

        Prerequisites.python("-c", """
                import json, sys
                with open(sys.argv[1], encoding="utf-8") as f:
                    value = json.load(f)
                with open(sys.argv[2], "w", encoding="utf-8") as f:
                    f.write(json.dumps(value, sort_keys=True, indent=1, separators=(",", ": "), ensure_ascii=False))
                """, input.toString(), output.toString());

        assertThat(PythonJson.dumps(JSON.readTree(document))).isEqualTo(Files.readString(output, UTF_8));
    }

    @Test
    void aTextsLinesAreWrittenAsTheArrayOfItsLinesWouldBe() {
        // Every kind of line break Python knows, \r\n apart and together, escapes, pairs and lone surrogates.
        String[] pieces = {"a", "é", "\n", "\r", "\r\n", "\u000B", "\f", "\u001C", "\u0085", "\u2028", "\u2029", "\"",
                "\\", "\t", "\u0001", "\uD83D\uDE00", "\uD83D", "\uDE00", "x y z ", "漢"};
        Random random = new Random(42);
        for (int round = 0; round < 5_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String source = text.toString();
            for (int depth : new int[]{0, 3}) {
                assertThat(PythonJson.dumpsLines(source, depth, 1))
                        .as("lines of %s", JSON.valueToTree(source))
                        .isEqualTo(PythonJson.dumps(MimeBundles.lines(source), depth));
            }
        }
    }
}
