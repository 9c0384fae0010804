package io.quire.runtime.papermill.translator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.runtime.papermill.InvalidParametersException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TranslatorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static LinkedHashMap<String, JsonNode> parameters(String json) {
        try {
            LinkedHashMap<String, JsonNode> parameters = new LinkedHashMap<>();
            JSON.readTree(json).properties().forEach(e -> parameters.put(e.getKey(), e.getValue()));
            return parameters;
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String codify(String kernel, String language, String json) {
        return Translators.find(new KernelLanguage(kernel, language)).codify(parameters(json), "Parameters");
    }

    @Test
    void pythonEscapesStringsAsPapermillTests() {
        assertThat(codify("python3", "python", "{\"msg\": \"Hello\"}")).isEqualTo("# Parameters\nmsg = \"Hello\"\n");
        assertThat(codify("python3", "python", "{\"msg\": \"\\\"Hello\\\"\"}"))
                .isEqualTo("# Parameters\nmsg = \"\\\"Hello\\\"\"\n");
        assertThat(codify("python3", "python", "{\"foo\": \"do\\\\ not\\\\ crash\"}"))
                .isEqualTo("# Parameters\nfoo = \"do\\\\ not\\\\ crash\"\n");
    }

    @Test
    void pythonWritesNonAsciiAndControlCharactersAsUnicodeEscape() {
        assertThat(codify("python3", "python", "{\"s\": \"é\\n\\t\\r\\u0001\\u00ff€😀'\"}"))
                .isEqualTo("# Parameters\ns = \"\\xe9\\n\\t\\r\\x01\\xff\\u20ac\\U0001f600'\"\n");
    }

    @Test
    void pythonWritesEveryJsonType() {
        assertThat(codify("python3", "python", "{\"n\": null, \"t\": true, \"f\": false, \"i\": -12,"
                + " \"big\": 123456789012345678901234567890, \"x\": 1e16, \"y\": 0.1, \"z\": 100.0, \"w\": 1e-05,"
                + " \"l\": [1, \"a\", [null]], \"d\": {\"k\": {\"n\": 2.5}, \"e\": {}}}"))
                .isEqualTo("# Parameters\nn = None\nt = True\nf = False\ni = -12\n"
                        + "big = 123456789012345678901234567890\nx = 1e+16\ny = 0.1\nz = 100.0\nw = 1e-05\n"
                        + "l = [1, \"a\", [None]]\nd = {\"k\": {\"n\": 2.5}, \"e\": {}}\n");
    }

    @Test
    void pythonWritesNonFiniteFloatsAsPapermillDoes() {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("a", JSON.getNodeFactory().numberNode(Double.NaN));
        values.put("b", JSON.getNodeFactory().numberNode(Double.POSITIVE_INFINITY));
        values.put("c", JSON.getNodeFactory().numberNode(Double.NEGATIVE_INFINITY));
        assertThat(new PythonTranslator().codify(values, "Parameters")).isEqualTo(
                "# Parameters\na = float('nan')\nb = float('inf')\nc = float('-inf')\n");
    }

    @Test
    void rWritesNullBooleansListsAndNamedLists() {
        assertThat(codify("ir", "R", "{\"n\": null, \"t\": true, \"f\": false, \"l\": [1, \"a\"],"
                + " \"d\": {\"k\": 1.5, \"m\": [true]}, \"__x\": 3}"))
                .isEqualTo("# Parameters\nn = NULL\nt = TRUE\nf = FALSE\nl = list(1, \"a\")\n"
                        + "d = list(\"k\" = 1.5, \"m\" = list(TRUE))\nx = 3\n");
    }

    @Test
    void otherLanguagesFollowPapermill() {
        String values = "{\"s\": \"a\\\"b\", \"i\": 3000000000, \"l\": [1, 2], \"n\": null}";
        assertThat(codify("sparkkernel", "scala", values)).isEqualTo("// Parameters\nval s = \"a\\\"b\"\n"
                + "val i = 3000000000L\nval l = Seq(1, 2)\nval n = None\n");
        assertThat(codify("julia-1.9", "julia", values)).isEqualTo("# Parameters\ns = \"a\\\"b\"\ni = 3000000000\n"
                + "l = [1, 2]\nn = nothing\n");
        assertThat(codify("matlab", "matlab", values)).isEqualTo("% Parameters\ns = \"a\"\"b\";\ni = 3000000000;\n"
                + "l = {1, 2};\nn = NaN;\n");
        assertThat(codify(".net-fsharp", "F#", values)).isEqualTo("(* Parameters *)\nlet s = \"a\\\"b\"\n"
                + "let i = 3000000000L\nlet l = [ 1; 2 ]\nlet n = None\n");
        assertThat(codify(".net-powershell", "PowerShell", values)).isEqualTo("# Parameters\n$s = \"a`\"b\"\n"
                + "$i = 3000000000\n$l = @(1, 2)\n$n = $Null\n");
        assertThat(codify("bash", "bash", values)).isEqualTo("# Parameters\ns='a\"b'\ni=3000000000\nl=(1 2)\nn=\n");
        assertThat(codify(".net-csharp", "C#", "{\"i\": 3000000000, \"d\": {\"k\": [true]}}"))
                .isEqualTo("// Parameters\nvar i = 3000000000L;\n"
                        + "var d = new Dictionary<string,Object>{ { \"k\" , new [] { true } } };\n");
        assertThat(codify("matlab", "matlab", "{\"d\": {\"it's\": 1}}"))
                .isEqualTo("% Parameters\nd = containers.Map({'it''s'}, {1});\n");
        assertThat(codify(".net-powershell", "PowerShell", "{\"d\": {\"a\": 1, \"b\": 2}}"))
                .isEqualTo("# Parameters\n$d = @{\"a\" = 1\n \"b\" = 2}\n");
    }

    @Test
    void bashQuotesLikeShlex() {
        assertThat(codify("bash", "bash", "{\"a\": \"\", \"b\": \"plain-word_1.0/x@y%z+w=v:u,\", \"c\": \"it's\","
                + " \"d\": \"é\"}")).isEqualTo("# Parameters\na=''\nb=plain-word_1.0/x@y%z+w=v:u,\n"
                + "c='it'\"'\"'s'\nd='é'\n");
    }

    @Test
    void theKernelNameIsLookedUpBeforeTheLanguage() {
        assertThat(Translators.find(new KernelLanguage("sparkrkernel", "python"))).isInstanceOf(RTranslator.class);
        assertThat(Translators.find(new KernelLanguage("python3", "python"))).isInstanceOf(PythonTranslator.class);
        assertThat(Translators.find(new KernelLanguage("ir", "R"))).isInstanceOf(RTranslator.class);
    }

    @Test
    void anUnknownLanguageIsRefusedListingTheSupportedOnes() {
        assertThatThrownBy(() -> Translators.find(new KernelLanguage("haskell", "haskell")))
                .isInstanceOf(UnsupportedLanguageException.class)
                .hasMessageContaining("kernel 'haskell' or language 'haskell'")
                .hasMessageContaining("python, R, scala, julia, matlab, .net-csharp");
        // Names are case-sensitive, as in papermill: "r" is not "R".
        assertThatThrownBy(() -> Translators.find(new KernelLanguage("r", "r")))
                .isInstanceOf(UnsupportedLanguageException.class);
    }

    @Test
    void valuesALanguageCannotExpressAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> codify(".net-csharp", "C#", "{\"missing\": null}"))
                .isInstanceOf(InvalidParametersException.class)
                .hasMessageStartingWith("parameter 'missing': C# parameters cannot be null");
        assertThatThrownBy(() -> codify("bash", "bash", "{\"conf\": {\"a\": 1}}"))
                .isInstanceOf(InvalidParametersException.class)
                .hasMessageContaining("parameter 'conf': Bash parameters cannot be dicts");
    }
}
