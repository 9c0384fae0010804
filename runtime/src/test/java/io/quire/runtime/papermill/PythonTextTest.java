package io.quire.runtime.papermill;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PythonTextTest {

    @Test
    void unicodeEscapeMatchesPythonsCodec() {
        PythonOracle.require("json");
        Random random = new Random(7);
        List<String> samples = new ArrayList<>(List.of("", "plain", "back\\slash", "quote\"'", "\u0000\u0007\b\f\u000b",
                "\u007f\u0080\u00a0\u00ff\u0100", "\ud83d\ude00", "\u2028\ufeff\uffff", "tab\tnew\nret\r"));
        for (int i = 0; i < 200; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(10); j > 0; j--) {
                int codePoint = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(0x80);
                    case 1 -> random.nextInt(0x100);
                    case 2 -> 0xe000 + random.nextInt(0x2000);
                    default -> 0x10000 + random.nextInt(0x100000);
                };
                text.appendCodePoint(codePoint);
            }
            samples.add(text.toString());
        }
        StringBuilder stdin = new StringBuilder();
        samples.forEach(sample -> stdin.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(sample))
                .append('\n'));
        List<String> python = PythonOracle.run("import sys, json\nfor line in sys.stdin.read().split('\\n')[:-1]:\n"
                + "    print(json.loads(line).encode('unicode_escape').decode('utf-8'))", stdin.toString())
                .lines().toList();
        assertThat(python).hasSize(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            assertThat(PythonText.unicodeEscape(samples.get(i))).as("sample %d", i).isEqualTo(python.get(i));
        }
    }

    @Test
    void splitLinesAndStripAsPython() {
        assertThat(PythonText.splitLines("a\nb\r\nc\rd\u000be\u000cf\u001cg\u0085h\u2029i\n"))
                .containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i");
        assertThat(PythonText.splitLines("")).isEmpty();
        assertThat(PythonText.splitLines("\n\nx")).containsExactly("", "", "x");
        assertThat(PythonText.strip("\u00a0\t x \u3000\u0085")).isEqualTo("x");
    }
}
