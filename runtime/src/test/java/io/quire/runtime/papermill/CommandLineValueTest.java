package io.quire.runtime.papermill;

import io.quire.domain.nbformat.PythonFloat;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineValueTest {

    @Test
    void typesValuesAsPapermillsCli() {
        assertThat(CommandLineValue.resolve("True").booleanValue()).isTrue();
        assertThat(CommandLineValue.resolve("False").isBoolean()).isTrue();
        assertThat(CommandLineValue.resolve("None").isNull()).isTrue();
        assertThat(CommandLineValue.resolve("true").textValue()).isEqualTo("true");
        assertThat(CommandLineValue.resolve("42").intValue()).isEqualTo(42);
        assertThat(CommandLineValue.resolve(" -1_000 ").intValue()).isEqualTo(-1000);
        assertThat(CommandLineValue.resolve("007").intValue()).isEqualTo(7);
        assertThat(CommandLineValue.resolve("\u0661\u0662").intValue()).isEqualTo(12); // Arabic-Indic digits
        assertThat(CommandLineValue.resolve("99999999999999999999").bigIntegerValue().toString())
                .isEqualTo("99999999999999999999");
        assertThat(CommandLineValue.resolve("1.5").doubleValue()).isEqualTo(1.5);
        assertThat(CommandLineValue.resolve("1e5").doubleValue()).isEqualTo(100000.0);
        assertThat(CommandLineValue.resolve(".5").doubleValue()).isEqualTo(0.5);
        assertThat(CommandLineValue.resolve("-Infinity").doubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(CommandLineValue.resolve("nan").doubleValue()).isNaN();
        assertThat(CommandLineValue.resolve("0x10").textValue()).isEqualTo("0x10");
        assertThat(CommandLineValue.resolve("1__0").textValue()).isEqualTo("1__0");
        assertThat(CommandLineValue.resolve("Hello").textValue()).isEqualTo("Hello");
        assertThat(CommandLineValue.resolve("").textValue()).isEqualTo("");
    }

    @Test
    void agreesWithPythonsIntAndFloat() {
        PythonOracle.require("json");
        List<String> inputs = List.of("True", "False", "None", "none", "1", "-1", "+1", " 12 ", "1_000", "_1", "1_",
                "1__0", "0x1f", "0o7", "0b1", "007", "1.", ".1", "1.5e-3", "1E+5", "1e", "e5", "inf", "-inf", "+INF",
                "Infinity", "infinity", "nan", "-NaN", "nanx", "1.0.0", "1,000", "١٢", "٣.٥", "1 2", "\t3\n", "",
                " ", "abc", "1e400", "-0", "-0.0", "1_0.5", "1e1_0", "12345678901234567890123", "0.1", "3.14159",
                "\u00a05\u00a0", "5j", "1/2");
        StringBuilder stdin = new StringBuilder();
        inputs.forEach(input -> stdin.append(input.replace("\n", "\\n").replace("\t", "\\t")).append('\n'));
        // papermill's rule, with Python's own int() and float(): the oracle for the Java port.
        String script = String.join("\n",
                "import sys, json",
                "def resolve(v):",
                "    if v == 'True': return True",
                "    if v == 'False': return False",
                "    if v == 'None': return None",
                "    try: return int(v)",
                "    except ValueError: pass",
                "    try: return float(v)",
                "    except ValueError: return v",
                "for line in sys.stdin.read().split('\\n')[:-1]:",
                "    v = resolve(line.replace('\\\\n', '\\n').replace('\\\\t', '\\t'))",
                "    print(type(v).__name__ + ' ' + json.dumps(v))");
        List<String> python = PythonOracle.run(script, stdin.toString()).lines().toList();
        assertThat(python).hasSize(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode value = CommandLineValue.resolve(inputs.get(i));
            assertThat(describe(value)).as("-p x %s", inputs.get(i)).isEqualTo(python.get(i));
        }
    }

    private static String describe(JsonNode value) {
        if (value.isNull()) {
            return "NoneType null";
        } else if (value.isBoolean()) {
            return "bool " + value.booleanValue();
        } else if (value.isIntegralNumber()) {
            return "int " + value.bigIntegerValue();
        } else if (value.isNumber()) {
            double d = value.doubleValue();
            return "float " + (Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
                    : PythonFloat.repr(d));
        }
        return "str " + com.fasterxml.jackson.databind.node.TextNode.valueOf(value.textValue()).toString()
                .replaceAll("[^\\x00-\\x7f]", "?");
    }
}
