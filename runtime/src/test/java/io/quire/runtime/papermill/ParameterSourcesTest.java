package io.quire.runtime.papermill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterSourcesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String json(Map<String, JsonNode> parameters) {
        return JSON.valueToTree(parameters).toString();
    }

    @Test
    void papermillsYamlAndJsonFilesMergeLastWinningDatesAsStrings() {
        Map<String, JsonNode> parameters = new ParameterSources()
                .file(PapermillCorpus.path("parameters/example.yaml"))
                .file(PapermillCorpus.path("parameters/example.json"))
                .resolve();
        assertThat(json(parameters))
                .isEqualTo("{\"foo\":54321,\"bar\":\"value\",\"baz\":{\"k1\":\"v1\",\"k2\":\"v2\"},"
                        + "\"a_date\":\"2019-01-01\"}");
    }

    @Test
    void laterSourcesWinInCommandLineOrder() {
        ParameterSources sources = new ParameterSources()
                .parameter("a", "1")
                .yaml("a: 2\nb: x")
                .raw("b", "True")
                .parameter("c", "True")
                .base64Yaml(Base64.getEncoder().encodeToString("c: 3\nd: [1]".getBytes(StandardCharsets.UTF_8)));
        assertThat(json(sources.resolve())).isEqualTo("{\"a\":2,\"b\":\"True\",\"c\":3,\"d\":[1]}");
    }

    @Test
    void papermillsPrecedenceGoesByKind() {
        // papermill applies -b, then -f, -y, -p, -r whatever their positions on the command line.
        ParameterSources sources = new ParameterSources()
                .raw("a", "raw")
                .parameter("a", "1")
                .parameter("b", "2.5")
                .yaml("a: yaml\nb: yaml\nc: yaml")
                .base64Yaml(Base64.getEncoder().encodeToString("c: b64\nd: b64".getBytes(StandardCharsets.UTF_8)));
        assertThat(json(sources.resolveAsPapermill()))
                .isEqualTo("{\"c\":\"yaml\",\"d\":\"b64\",\"a\":\"raw\",\"b\":2.5}");
    }

    @Test
    void resolvedValuesAreCopies() {
        ParameterSources sources = new ParameterSources().yaml("l: [1]");
        ((com.fasterxml.jackson.databind.node.ArrayNode) sources.resolve().get("l")).add(2);
        assertThat(sources.resolve().get("l").size()).isEqualTo(1);
    }

    @Test
    void anUnreadableFileIsRefusedNamingIt(@TempDir Path folder) {
        Path missing = folder.resolve("missing.yaml");
        assertThatThrownBy(() -> new ParameterSources().file(missing))
                .isInstanceOf(InvalidParametersException.class)
                .hasMessageStartingWith("-f " + missing + ": cannot read the parameters file (")
                .hasMessageEndingWith("check that the path exists, is a file and is readable");
        assertThatThrownBy(() -> new ParameterSources().file(folder))
                .hasMessageStartingWith("-f " + folder + ": cannot read the parameters file");
    }

    @Test
    void aFileThatIsNotUtf8OrNotAMappingIsRefused(@TempDir Path folder) throws Exception {
        Path latin1 = Files.write(folder.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xe9});
        assertThatThrownBy(() -> new ParameterSources().file(latin1))
                .hasMessage("-f " + latin1 + ": not UTF-8 text: save the parameters as UTF-8");
        Path list = Files.writeString(folder.resolve("list.json"), "[1, 2]");
        assertThatThrownBy(() -> new ParameterSources().file(list))
                .hasMessageContaining("the YAML holds a list, not a mapping");
    }

    @Test
    void badNamesAndBadBase64AreRefused() {
        assertThatThrownBy(() -> new ParameterSources().parameter("my-param", "1"))
                .isInstanceOf(InvalidParametersException.class)
                .hasMessage("-p my-param: 'my-param' is not a valid parameter name: use letters, digits and"
                        + " underscores, not starting with a digit");
        assertThatThrownBy(() -> new ParameterSources().raw("", "1"))
                .hasMessageContaining("an empty name is not a valid parameter name");
        assertThatThrownBy(() -> new ParameterSources().base64Yaml("***"))
                .hasMessageStartingWith("-b '***': not base64");
        assertThatThrownBy(() -> new ParameterSources().yaml("- 1"))
                .hasMessageStartingWith("-y '- 1': the YAML holds a list");
    }

    @Test
    void unicodeIdentifiersAreNames() {
        assertThat(new ParameterSources().parameter("déjà_vu", "1").parameter("_x2", "2").resolve())
                .containsOnlyKeys("déjà_vu", "_x2");
    }
}
