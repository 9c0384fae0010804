package io.quire.runtime.papermill.translator;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.runtime.papermill.PythonOracle;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Python cell Quire injects, run by real Python: every variable must equal the JSON value it came from, with
 * the same Python type (1 is not True, 1.0 is not 1).
 */
class PythonTranslationAgainstPythonTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS).build();
    private static final String CHARACTERS = "aZ09 _\"'\\\n\r\t\u0000\u0001\u001f\u007f\u0080\u0085\u00a0\u00e9\u00ff"
            + "\u0100\u20ac\u2028\ufeff\uffff#{}[]%$`";

    // Reads the parameters JSON then the code (separated by a NUL line), runs the code, compares type-strictly.
    private static final String CHECK = String.join("\n",
            "import sys, json, math",
            "data = sys.stdin.buffer.read().decode('utf-8')",
            "expected_json, code = data.split('\\n\\x00\\n', 1)",
            "expected = json.loads(expected_json)",
            "ns = {}",
            "exec(code, ns)",
            "def same(a, b):",
            "    if type(a) is not type(b): return False",
            "    if isinstance(a, float) and math.isnan(a): return math.isnan(b)",
            "    if isinstance(a, list): return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))",
            "    if isinstance(a, dict): return list(a) == list(b) and all(same(a[k], b[k]) for k in a)",
            "    return a == b",
            "for name, value in expected.items():",
            "    print(('ok ' if same(ns[name], value) else 'DIFF ') + name + ' ' + ascii(ns.get(name)) + ' '"
                    + " + ascii(value))");

    @Test
    void everyInjectedValueEvaluatesToTheValueGiven() throws Exception {
        PythonOracle.require("json");
        Random random = new Random(20240501);
        LinkedHashMap<String, JsonNode> parameters = new LinkedHashMap<>();
        parameters.put("msg", NODES.textNode("\"Hello\""));
        parameters.put("foo", NODES.textNode("do\\ not\\ crash"));
        parameters.put("huge", NODES.numberNode(new BigInteger("-98765432109876543210987654321")));
        parameters.put("nan", NODES.numberNode(Double.NaN));
        parameters.put("inf", NODES.numberNode(Double.NEGATIVE_INFINITY));
        parameters.put("tiny", NODES.numberNode(Double.MIN_VALUE));
        parameters.put("astral", NODES.textNode("\ud83d\ude00 \ud834\udd1e"));
        for (int i = 0; i < 300; i++) {
            parameters.put("p" + i, value(random, 0));
        }
        String code = new PythonTranslator().codify(parameters, "Parameters");
        ObjectNode expected = NODES.objectNode();
        parameters.forEach(expected::set);

        String report = PythonOracle.run(CHECK, JSON.writeValueAsString(expected) + "\n\u0000\n" + code);

        assertThat(report.lines().filter(line -> !line.startsWith("ok ")))
                .as("values Python read differently from the JSON given").isEmpty();
        assertThat(report.lines().count()).isEqualTo(parameters.size());
    }

    private static JsonNode value(Random random, int depth) {
        switch (random.nextInt(depth > 2 ? 6 : 8)) {
            case 0:
                return NODES.nullNode();
            case 1:
                return NODES.booleanNode(random.nextBoolean());
            case 2:
                return random.nextBoolean() ? NODES.numberNode(random.nextInt())
                        : NODES.numberNode(new BigInteger(random.nextInt(200) + 1, random).negate());
            case 3:
                return NODES.numberNode(random.nextBoolean() ? Double.longBitsToDouble(random.nextLong())
                        : random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 4:
            case 5:
                StringBuilder text = new StringBuilder();
                for (int i = random.nextInt(12); i > 0; i--) {
                    text.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
                }
                return NODES.textNode(text.toString());
            case 6:
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(value(random, depth + 1));
                }
                return array;
            default:
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set("k\"" + i + CHARACTERS.charAt(random.nextInt(CHARACTERS.length())),
                            value(random, depth + 1));
                }
                return object;
        }
    }
}
