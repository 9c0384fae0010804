package io.quire.runtime.papermill;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterYamlTest {

    private static final JsonMapper JSON = JsonMapper.builder().disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    @Test
    void datesStayStringsAndYaml11ScalarsAreTyped() {
        LinkedHashMap<String, JsonNode> read = ParameterYaml.read(
                "a_date: 2019-01-01\nyes_: yes\noff_: Off\nexp: 1e5\nexp2: 1.0e+5\noctal: 012\nhex: 0x1F\n"
                        + "sexagesimal: 1:30\nnull_: ~\nempty:\nquoted: '12'\ninf: -.inf\n", "-y test");
        assertThat(read.get("a_date").textValue()).isEqualTo("2019-01-01");
        assertThat(read.get("yes_").booleanValue()).isTrue();
        assertThat(read.get("off_").isBoolean()).isTrue();
        assertThat(read.get("exp").textValue()).isEqualTo("1e5");
        assertThat(read.get("exp2").doubleValue()).isEqualTo(100000.0);
        assertThat(read.get("octal").intValue()).isEqualTo(10);
        assertThat(read.get("hex").intValue()).isEqualTo(31);
        assertThat(read.get("sexagesimal").intValue()).isEqualTo(90);
        assertThat(read.get("null_").isNull()).isTrue();
        assertThat(read.get("empty").isNull()).isTrue();
        assertThat(read.get("quoted").textValue()).isEqualTo("12");
        assertThat(read.get("inf").doubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(read.keySet()).containsExactly("a_date", "yes_", "off_", "exp", "exp2", "octal", "hex",
                "sexagesimal", "null_", "empty", "quoted", "inf");
    }

    @Test
    void agreesWithPyYamlWithoutTimestamps() throws Exception {
        PythonOracle.require("yaml");
        List<String> scalars = List.of("yes", "No", "ON", "off", "y", "n", "true", "TRUE", "tRue", "null", "NULL",
                "~", "", "0", "-0", "+12", "012", "08", "0o17", "0x_1F", "0b101", "1_000", "1:30", "-1:30:15",
                "1.5", "1.", ".5", "1e5", "1.0e5", "1.0e+5", "1_0.5_0", ".inf", "-.Inf", ".NaN", "nan", "2019-01-01",
                "2001-12-14t21:59:43.10-05:00", "'yes'", "\"1\"", "[1, yes, 2019-01-01]", "{a: 1}", "<<x",
                "12:30:00", "190:20:30.15", "0.1", "6.8523015e+5", "685.230_15e+03");
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < scalars.size(); i++) {
            yaml.append("v").append(i).append(": ").append(scalars.get(i)).append('\n');
        }
        // papermill's NoDatesSafeLoader: PyYAML's safe loader without the timestamp resolver.
        String script = String.join("\n",
                "import sys, json, yaml",
                "class NoDates(yaml.SafeLoader): pass",
                "NoDates.yaml_implicit_resolvers = {k: [r for r in v if r[0] != 'tag:yaml.org,2002:timestamp']"
                        + " for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}",
                "print(json.dumps(yaml.load(sys.stdin.read(), Loader=NoDates)))");
        JsonNode python = JSON.readTree(PythonOracle.run(script, yaml.toString()));
        ObjectNode quire = JSON.createObjectNode();
        ParameterYaml.read(yaml.toString(), "test").forEach(quire::set);
        for (int i = 0; i < scalars.size(); i++) {
            String key = "v" + i;
            assertThat(JSON.writeValueAsString(quire.get(key))).as("%s: %s", key, scalars.get(i))
                    .isEqualTo(JSON.writeValueAsString(python.get(key)));
            assertThat(quire.get(key).getNodeType()).as("%s: %s", key, scalars.get(i))
                    .isEqualTo(python.get(key).getNodeType());
        }
    }

    @Test
    void anEmptyDocumentIsNoParameters() {
        assertThat(ParameterYaml.read("", "-y ''")).isEmpty();
        assertThat(ParameterYaml.read("# nothing\n", "-f x")).isEmpty();
    }

    @Test
    void somethingOtherThanAMappingIsRefused() {
        assertThatThrownBy(() -> ParameterYaml.read("- a\n- b\n", "-f list.yaml"))
                .isInstanceOf(InvalidParametersException.class)
                .hasMessage("-f list.yaml: the YAML holds a list, not a mapping of parameter names to values:"
                        + " write `name: value` lines");
        assertThatThrownBy(() -> ParameterYaml.read("just text", "-y 'just text'"))
                .hasMessageContaining("the string 'just text', not a mapping");
    }

    @Test
    void brokenYamlIsRefusedNamingTheSource() {
        assertThatThrownBy(() -> ParameterYaml.read("a: [1, 2\n", "-f broken.yaml"))
                .isInstanceOf(InvalidParametersException.class)
                .hasMessageStartingWith("-f broken.yaml: not valid YAML (")
                .hasMessageEndingWith("write parameters as `name: value` lines, or as a JSON object");
    }

    @Test
    void namesMustBeIdentifiers() {
        assertThatThrownBy(() -> ParameterYaml.read("1x: 2\n", "-y '1x: 2'"))
                .isInstanceOf(InvalidParametersException.class)
                .hasMessage("-y '1x: 2': '1x' is not a valid parameter name: use letters, digits and underscores,"
                        + " not starting with a digit");
        assertThatThrownBy(() -> ParameterYaml.read("3: x\n", "-y")).hasMessageContaining("'3' is not a valid");
        assertThatThrownBy(() -> ParameterYaml.read("a b: x\n", "-y")).hasMessageContaining("'a b' is not");
    }

    @Test
    void valuesWithoutJsonFormAreRefused() {
        assertThatThrownBy(() -> ParameterYaml.read("blob: !!binary aGVsbG8=\n", "-f b.yaml"))
                .isInstanceOf(InvalidParametersException.class)
                .hasMessageContaining("-f b.yaml, parameter 'blob': a YAML !!binary value has no JSON form");
    }

    @Test
    void nestedKeysAreWrittenAsPythonStrWritesThem() {
        JsonNode nested = ParameterYaml.read("m: {1: a, true: b, null: c}\n", "-y").get("m");
        assertThat(nested.fieldNames()).toIterable().containsExactly("1", "True", "None");
    }
}
